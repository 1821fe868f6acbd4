package dearly.search;

import dearly.letters.Letter;
import dearly.letters.LetterRepository;
import dearly.letters.Publishing;
import dearly.storage.ChangeFollower;
import dearly.storage.ChangeLog;
import dearly.storage.Database;
import dearly.storage.DatabaseIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's search index: a projection of the published letters, kept in a directory of its own
 * and brought up to date from the database's change log by the node's {@link ChangeFollower}. Lucene commits are atomic, and each commit
 * records the schema it was written with, the database it was built from and the last change it
 * includes, so whatever a crash leaves is a whole earlier state that the log brings forward; an
 * index that cannot be opened, was written by another version of its schema or from another
 * database is thrown away and rebuilt from the database.
 *
 * <p>It holds only what is public now: a scheduled letter enters when its time comes, and what was
 * removed (unpublished, or her byline taken off when she erased everything) is merged out of the
 * files at once, so neither a word suggestion nor the bytes on disk keep it.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String SCHEMA = "dearly.schema";
    private static final String APPLIED = "dearly.applied";
    private static final String DATABASE = "dearly.database";
    private static final String DUE = "dearly.due";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Database database;
    private final LetterRepository letters;
    private final Supplier<Instant> clock;
    private final String databaseName;
    private final ChangeLog log = new ChangeLog();
    private final List<Runnable> whenDue = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every change up to this id is in the index. Volatile: {@link #lag} reads it without the lock a turn holds. */
    private volatile long applied;
    /** Every letter whose publication time is at or before this is in the index. */
    private Instant due;

    private SearchIndex(Path path, Directory directory, IndexWriter writer, Database database, LetterRepository letters,
            Supplier<Instant> clock, String databaseName, Kept kept) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.database = database;
        this.letters = letters;
        this.clock = clock;
        this.databaseName = databaseName;
        this.applied = kept.applied();
        this.due = kept.due();
    }

    /** What a usable index on disk already holds: every change up to {@code applied}, every letter due by {@code due}. */
    private record Kept(long applied, Instant due) {
        static final Kept NOTHING = new Kept(0, Instant.EPOCH);
    }

    /**
     * Opens the index in that directory, or builds it when it is missing, unreadable or from another
     * schema. A {@link ChangeFollower} from {@link #applied()} then brings it up to date ({@link #follow}).
     *
     * @throws InUse when another process (a running Dearly) holds the directory
     */
    public static SearchIndex open(Path path, Database database, LetterRepository letters, Supplier<Instant> clock) {
        return open(path, database, letters, clock, false);
    }

    /** Builds the index in that directory again from the database, whatever it held ({@code dearly reindex}). */
    public static SearchIndex rebuild(Path path, Database database, LetterRepository letters, Supplier<Instant> clock) {
        return open(path, database, letters, clock, true);
    }

    private static SearchIndex open(Path path, Database database, LetterRepository letters, Supplier<Instant> clock,
            boolean anew) {
        try {
            Files.createDirectories(path);
            String databaseName = database.write(handle -> new DatabaseIdentity().of(handle));
            Directory directory = FSDirectory.open(path);
            Optional<Kept> kept;
            // Held while the index is judged, so that no other process's index is ever thrown away.
            try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                kept = anew ? Optional.empty() : usable(path, database, databaseName);
            } catch (LockObtainFailedException e) {
                directory.close();
                throw new InUse(path, e);
            }
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setForceMergeDeletesPctAllowed(0.0); // see forgetRemoved
            IndexWriterConfig config = new IndexWriterConfig(LetterAnalysis.forIndex())
                    .setMergePolicy(merges)
                    .setOpenMode(kept.isPresent() ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            IndexWriter writer = new IndexWriter(directory, config);
            SearchIndex index = new SearchIndex(path, directory, writer, database, letters, clock, databaseName,
                    kept.orElse(Kept.NOTHING));
            if (kept.isEmpty()) index.rebuild();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path.toAbsolutePath(), e);
        }
    }

    /**
     * What a usable index in that directory holds, or empty when it must be rebuilt: there is none,
     * it cannot be read, it was written with another schema, from another database, or it claims
     * changes the database never logged (the database was restored from an older copy). An
     * unreadable index is deleted.
     */
    private static Optional<Kept> usable(Path path, Database database, String databaseName) throws IOException {
        try (Directory directory = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(directory)) return Optional.empty();
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!SearchFields.VERSION.equals(data.get(SCHEMA))) {
                LOG.info("search index at {} is from another schema version: rebuilding it", path);
                return Optional.empty();
            }
            if (!databaseName.equals(data.get(DATABASE))) {
                LOG.info("search index at {} was built from another database: rebuilding it", path);
                return Optional.empty();
            }
            long applied = Long.parseLong(data.getOrDefault(APPLIED, "-1"));
            Instant due = Instant.ofEpochMilli(Long.parseLong(data.getOrDefault(DUE, "0")));
            long latest = database.read(handle -> new ChangeLog().latest(handle));
            if (applied < 0 || applied > latest) {
                LOG.info("search index at {} does not match this database: rebuilding it", path);
                return Optional.empty();
            }
            // A commit can be whole while a file it names is damaged: open it once to be sure.
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                reader.numDocs();
            }
            return Optional.of(new Kept(applied, due));
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index at {} cannot be read ({}): rebuilding it", path, e.getClass().getName());
            clear(path);
            return Optional.empty();
        }
    }

    private static void clear(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(path) && !file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) Files.delete(file);
            }
        }
    }

    /** Indexes every published letter again from the database, in one commit; returns how many. */
    public synchronized int rebuild() throws IOException {
        // Read before the letters: a change logged meanwhile is then applied again, which does no harm.
        long upTo = database.read(log::latest);
        Instant now = clock.get();
        writer.deleteAll();
        int[] count = {0};
        letters.eachPublishedOrScheduled(letter -> {
            if (letter.publishedAt().isAfter(now)) return; // enters when its time comes (follow)
            try {
                writer.addDocument(SearchFields.of(letter));
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        applied = upTo;
        due = now;
        // One segment: each word of a search is then looked up once per field, not once per segment too.
        writer.forceMerge(1);
        commit();
        return count[0];
    }

    /**
     * Applies the changes the node's {@link ChangeFollower} hands over, in order, and adds the scheduled
     * letters whose time has come. A change handed over again (after a turn that failed) is applied
     * again, which does no harm.
     *
     * @param upTo every change up to this id has been handed over: the index holds them all once this returns
     */
    public synchronized void follow(List<ChangeLog.Change> changes, long upTo) throws IOException {
        Instant now = clock.get();
        boolean changed = false;
        for (ChangeLog.Change change : changes) {
            apply(change);
            changed = true;
        }
        boolean cameDue = false;
        if (now.isAfter(due)) {
            for (Letter letter : letters.publishedBetween(due, now)) {
                writer.updateDocument(SearchFields.idTerm(letter.id()), SearchFields.of(letter));
                cameDue = true;
            }
            due = now;
        }
        if (changed || cameDue) forgetRemoved();
        boolean moved = upTo > applied;
        if (moved) applied = upTo;
        if (moved || changed || cameDue) commit();
        if (cameDue) whenDue.forEach(Runnable::run);
    }

    /**
     * Runs {@code listener} each time a scheduled letter's time has come, once the index holds it: the
     * change log says nothing then (the letter was written before), so the page cache hears it here.
     */
    public void whenLettersComeDue(Runnable listener) {
        whenDue.add(listener);
    }

    private void apply(ChangeLog.Change change) throws IOException {
        if (!Publishing.LETTER_CHANGED.equals(change.kind())) return;
        var letter = letters.publishedOrScheduled(change.subjectId())
                .filter(found -> !found.publishedAt().isAfter(clock.get()));
        if (letter.isPresent()) {
            writer.updateDocument(SearchFields.idTerm(change.subjectId()), SearchFields.of(letter.get()));
        } else {
            writer.deleteDocuments(SearchFields.idTerm(change.subjectId()));
        }
    }

    /**
     * Rewrites the segments that hold a removed or replaced letter. Lucene only marks a deleted
     * document, keeping its words in the files (and in the counts "did you mean" reads) until a merge;
     * an erased byline or an unpublished letter must leave at once. Edits are rare, so the cost is too.
     */
    private void forgetRemoved() throws IOException {
        writer.forceMergeDeletes(true);
    }

    private void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SCHEMA, SearchFields.VERSION);
        data.put(APPLIED, Long.toString(applied));
        data.put(DATABASE, databaseName);
        data.put(DUE, Long.toString(due.toEpochMilli()));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Runs the work while holding the index's lock, as a running Dearly does: so no Dearly runs on
     * this node's data meanwhile, or starts before the work is done.
     *
     * @throws InUse when a running Dearly holds it
     */
    public static <R> R whileStopped(Path path, java.util.concurrent.Callable<R> work) throws Exception {
        Files.createDirectories(path);
        try (Directory directory = FSDirectory.open(path)) {
            Lock lock;
            try {
                lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            } catch (LockObtainFailedException e) {
                throw new InUse(path, e);
            }
            try (lock) {
                return work.call();
            }
        }
    }

    /** Another process, such as a running Dearly, holds the index's directory. */
    public static final class InUse extends IllegalStateException {
        InUse(Path path, LockObtainFailedException cause) {
            super("another Dearly is using the search index at " + path.toAbsolutePath()
                    + "; each node needs a directory of its own (DEARLY_SEARCH_INDEX)", cause);
        }
    }

    /** Runs a read on the newest searcher the index has committed. */
    <R> R read(SearcherWork<R> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.on(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    interface SearcherWork<R> {
        R on(IndexSearcher searcher) throws IOException;
    }

    public Path path() {
        return path;
    }

    /** Every change up to this id is in the index: where this node's {@link ChangeFollower} starts. */
    public long applied() {
        return applied;
    }

    /**
     * How many changes in the log this index has not applied yet, for /ready and /metrics. On
     * PostgreSQL it may count a change applied beyond a gap still waited for: an overstatement, never
     * an understatement.
     */
    public long lag() {
        long upTo = applied;
        return database.read(handle -> log.countAfter(handle, upTo));
    }

    /** How many letters the index holds, published or scheduled. */
    public int size() throws IOException {
        return read(searcher -> searcher.getIndexReader().numDocs());
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("search index at {} did not close cleanly ({}); it is checked at the next start", path,
                    e.getClass().getName());
        }
    }
}
