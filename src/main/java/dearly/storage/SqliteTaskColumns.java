package dearly.storage;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * db-scheduler on SQLite, which it does not know. Its default customization limits the due tasks
 * it fetches with the SQL standard's {@code OFFSET 0 ROWS FETCH FIRST n ROWS ONLY}, which SQLite
 * refuses (it says {@code LIMIT n}); and it writes times as {@code java.sql.Timestamp}, which the
 * SQLite driver stores as it is configured to (milliseconds, seconds or text). Here a time is epoch
 * milliseconds, as every instant Dearly keeps in SQLite ({@link SqliteTypes}), so "due" is a
 * comparison of two numbers whatever the driver's settings.
 */
final class SqliteTaskColumns extends DefaultJdbcCustomization {
    SqliteTaskColumns() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite (Dearly)";
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    @Override
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
