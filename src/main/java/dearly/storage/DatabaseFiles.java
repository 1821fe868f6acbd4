package dearly.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite database as files: a backup checked and put in place of the database, with Dearly
 * stopped. Every step either leaves the old database or the whole new one (a copy beside it,
 * synced, then renamed over it: {@link WholeFile}).
 */
public final class DatabaseFiles {
    private DatabaseFiles() {}

    /** A backup Dearly can start from: an intact SQLite file with Dearly's tables. */
    public static void check(Path backup) throws IOException {
        if (!Files.isRegularFile(backup)) throw new IOException("no backup file at " + backup.toAbsolutePath());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + backup.toAbsolutePath() + "?mode=ro");
                Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA quick_check")) {
                if (!check.next() || !"ok".equals(check.getString(1))) throw new IOException(backup + " is damaged");
            }
            statement.executeQuery("SELECT count(*) FROM database_identity").close();
        } catch (SQLException e) {
            throw new IOException(backup + " is not a backup of Dearly's database", e);
        }
    }

    /**
     * Replaces the database file by the backup. The old write-ahead log goes first: left beside the
     * new file, SQLite would replay the old database's last pages into it.
     */
    public static void restore(Path backup, Path database) throws IOException {
        check(backup);
        Path target = database.toAbsolutePath();
        Files.createDirectories(target.getParent());
        WholeFile.write(target, partial -> {
            Files.copy(backup, partial);
            for (String leftover : new String[] {"-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + leftover));
            }
            return null;
        });
    }
}
