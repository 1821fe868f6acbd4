package dearly.storage;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * SQLite has no date types. Instants are stored as epoch milliseconds (sortable, exact) and dates as
 * ISO text, so that the same repository code reads both databases.
 */
final class SqliteTypes {
    private SqliteTypes() {}

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.BIGINT) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setLong(position, value.toEpochMilli());
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.VARCHAR) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (position, statement, context) -> statement.setString(position, value.toString());
            }
        });
        jdbi.registerColumnMapper(Instant.class, (rs, column, context) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        jdbi.registerColumnMapper(LocalDate.class, (rs, column, context) -> {
            String text = rs.getString(column);
            return text == null ? null : LocalDate.parse(text);
        });
    }
}
