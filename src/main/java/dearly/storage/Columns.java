package dearly.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads time columns the same way on both databases: through the mappers each dialect registers
 * (epoch milliseconds and ISO text on SQLite, TIMESTAMPTZ and DATE on PostgreSQL).
 */
public final class Columns {
    private Columns() {}

    /** The instant in that column, or null. */
    public static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }

    /** The date in that column, or null. */
    public static LocalDate date(ResultSet rs, String column, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(LocalDate.class).orElseThrow().map(rs, column, ctx);
    }
}
