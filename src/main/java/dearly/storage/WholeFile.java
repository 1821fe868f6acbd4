package dearly.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file that appears whole or not at all: written beside its target under a name of its own, then
 * synced and renamed over it. A failure leaves the target as it was and nothing beside it, so a
 * backup or an export cut short never stands in the place of a good one.
 */
public final class WholeFile {
    private WholeFile() {}

    /** Writes the file that is then moved in; it is handed a path that does not exist yet, in the target's directory. */
    @FunctionalInterface
    public interface Writing<R> {
        R to(Path partial) throws IOException;
    }

    /** Runs the writing on a fresh path beside {@code target} and moves the result in; returns what the writing returned. */
    public static <R> R write(Path target, Writing<R> writing) throws IOException {
        Path whole = target.toAbsolutePath();
        // Same directory, so the rename is atomic; a name of its own, so two writers never share one.
        Path partial = whole.resolveSibling("." + whole.getFileName() + "." + UUID.randomUUID() + ".partial");
        try {
            R result = writing.to(partial);
            putInPlace(partial, whole);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Syncs the file, renames it to its place and syncs the directory: after a power cut it is there whole, or not. */
    private static void putInPlace(Path partial, Path target) throws IOException {
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notOnThisSystem) {
            // Some systems cannot sync a directory; the rename is then as durable as they make it.
        }
    }
}
