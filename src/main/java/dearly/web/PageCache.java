package dearly.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dearly.language.Language;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Public pages served from memory: a Jetty handler in front of everything else, so a page already
 * rendered costs a map lookup and a write. A page is kept only when its handler said it may be shared
 * ({@code Cache-Control: public}, see {@link #share}) and the answer is a plain 200 to a GET that set no
 * cookie; nobody signed in ever reads or fills it (her session cookie sends her past it). The key is
 * everything a public page varies on: the address with its query, the language it is read in (the
 * address's prefix, else her saved choice, else her browser's, as {@link LanguageChoice} decides) and
 * the scheme links are written in. Every change to what the public sees empties it (see
 * {@link #clear}); an entry also expires after {@link #KEPT}, which bounds what is not logged as a
 * change (the "I've felt this too" count) on the other nodes.
 *
 * <p>A hit is answered on the thread that read the request (Jetty's selector: this handler says it
 * never blocks), with headers made when the page was kept; anything else is handed to a thread of
 * the server's pool, where Javalin may block. Hits are logged and counted through {@link Hits}.
 */
public final class PageCache extends Handler.Wrapper {
    /**
     * How long a page may be served before it is rendered again, logged change or not. The first
     * request after that renders it; the others are served the old copy until it is replaced (never
     * all at once rendering, which under load held readers for seconds), or until {@link #DROPPED}.
     */
    static final Duration KEPT = Duration.ofMinutes(1);
    /** A page nobody asked for since it was due is forgotten. */
    static final Duration DROPPED = KEPT.multipliedBy(2);
    private static final long KEPT_NANOS = KEPT.toNanos();
    /** A page larger than this is served but not kept. */
    private static final int LARGEST = 2 * 1024 * 1024;
    /**
     * What pages tell browsers and proxies: keep it, but ask again each time (a 304 when nothing changed),
     * so a reader never sees yesterday's home page after a letter is published; this cache carries the load.
     */
    public static final String PAGE = "public, no-cache";
    /** What a private answer says: never kept, by a browser or anyone between. */
    public static final String PRIVATE = "private, no-store";
    /** The request attribute naming the route template that rendered a page, kept with it. */
    static final String ROUTE = "dearly.route";
    /** The header each answer names its request by: the request log's id, on hits, refusals and routes alike. */
    public static final String REQUEST_ID = "X-Request-Id";

    /** What a hit tells the request log and the metrics, since it never reaches Javalin. */
    public interface Hits {
        Hits NONE = new Hits() {
            @Override
            public String newId() {
                return null;
            }

            @Override
            public void served(String id, String method, String route, int status, long bytes, long nanos) {}
        };

        /** A request id for the answer's {@code X-Request-Id}, or null for none. */
        String newId();

        void served(String id, String method, String route, int status, long bytes, long nanos);
    }

    record Key(String address, Language language, String scheme, String page) {}

    private final Cache<Key, CachedPage> pages;
    private final boolean enabled;
    private final String sessionCookie;
    private final Supplier<Instant> clock;
    /** Moves on at every invalidation: a page rendered before it is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    /** Accept-Language headers already read, since browsers send a handful of different ones. */
    private final Map<String, Language> browsers = new ConcurrentHashMap<>();
    /** Accept-Encoding headers already read (see {@link CachedPage#acceptance}): browsers send a handful. */
    private final Map<String, Integer> encodings = new ConcurrentHashMap<>();
    private volatile Hits hits = Hits.NONE;
    private java.util.concurrent.Executor executor;

    /**
     * @param maxBytes what the kept pages may take in memory, compressed copies included; 0 keeps none
     * @param sessionCookie the staff session's cookie: a request that carries it is never served from, nor fills, the cache
     */
    public PageCache(long maxBytes, String sessionCookie, Supplier<Instant> clock) {
        this.enabled = maxBytes > 0;
        this.sessionCookie = sessionCookie;
        this.clock = clock;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .weigher((Key key, CachedPage page) -> page.weight())
                .expireAfterWrite(DROPPED)
                .recordStats()
                .build();
    }

    /** Where hits are logged and counted. */
    public void recordHits(Hits hits) {
        this.hits = hits;
    }

    /** Never blocks: a hit is answered where it was read; the rest goes to {@link #pass}. */
    @Override
    public Invocable.InvocationType getInvocationType() {
        return enabled ? Invocable.InvocationType.NON_BLOCKING : super.getInvocationType();
    }

    @Override
    protected void doStart() throws Exception {
        executor = getServer().getThreadPool();
        super.doStart();
    }

    /** The pages kept, for metrics (hit ratio from {@code stats()}, recorded) and tests. */
    public Cache<?, ?> cache() {
        return pages;
    }

    /** Forgets every page: something the public sees has changed. Cheap, and publications are rare. */
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** Forgets one page in every language and with any query, such as a letter whose count just changed. */
    public void forget(String page) {
        generation.incrementAndGet();
        pages.asMap().keySet().removeIf(key -> key.page().equals(page));
    }

    /** Marks the answer as the same for every visitor, to be kept here and by browsers for {@code cacheControl}. */
    public static void share(io.javalin.http.Context ctx, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
    }

    /**
     * An {@code after} handler: an answer that is for one visitor only (someone signed in, a cookie
     * set, a form's token issued, anything but a 200) says so, whatever its handler said, and every
     * answer that says nothing of caching is private.
     */
    public static void keepPrivate(io.javalin.http.Context ctx) {
        String said = ctx.res().getHeader("Cache-Control");
        boolean personal = SignedIn.of(ctx).isPresent() || ctx.res().getHeaders("Set-Cookie").iterator().hasNext()
                || Csrf.issuedOn(ctx) || ctx.status().getCode() != 200;
        if (said == null || (personal && said.contains("public"))) ctx.header("Cache-Control", PRIVATE);
        // Kept with the page, for the request log and metrics of its hits.
        var matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) ctx.attribute(ROUTE, matched.path);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean get = "GET".equals(method);
        if (!enabled || !(get || "HEAD".equals(method))) return pass(request, response, callback);
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || path.startsWith("/static/") || path.startsWith("/api/")) return pass(request, response, callback);
        HttpFields headers = request.getHeaders();
        String cookie = headers.get(HttpHeader.COOKIE);
        Cookies cookies = cookie == null ? Cookies.NONE : Cookies.read(cookie, sessionCookie);
        if (cookies.session() || headers.contains(HttpHeader.AUTHORIZATION)) return pass(request, response, callback);

        Key key = keyOf(request, uri, path, cookies.language());
        CachedPage page = pages.getIfPresent(key);
        CachedPage renewed = null;
        if (page != null) {
            if (!get || !page.claimRenewal(KEPT_NANOS)) {
                serve(request, response, page, callback, true);
                return true;
            }
            renewed = page;
        }
        if (!get) return pass(request, response, callback);
        Capture capture = new Capture(request, response, key, generation.get(), callback, renewed);
        return pass(request, capture, Callback.from(capture::completed, capture::failed));
    }

    /** Everything but a hit: to Javalin, on a thread of the server's pool, where it may block. */
    private boolean pass(Request request, Response response, Callback callback) throws Exception {
        if (!enabled) return super.handle(request, response, callback);
        try {
            executor.execute(() -> {
                try {
                    if (!super.handle(request, response, callback)) {
                        Response.writeError(request, response, callback, org.eclipse.jetty.http.HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable failure) {
                    callback.failed(failure);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            callback.failed(stopping);
        }
        return true;
    }

    private Key keyOf(Request request, HttpURI uri, String path, Optional<Language> saved) {
        Optional<Language> addressed = LanguagePrefix.of(path);
        if (addressed.isPresent() && !LanguagePrefix.of(uri.getCanonicalPath()).equals(addressed)) addressed = Optional.empty();
        String query = uri.getQuery();
        Language language;
        if (addressed.isPresent()) {
            // The address names the language: no cookie or Accept-Language decides it.
            language = addressed.get();
        } else {
            var asked = query == null ? Optional.<Language>empty() : LanguageChoice.askedFor(query).flatMap(Language::fromCode);
            language = asked.isPresent() ? asked.get() : saved.orElseGet(() -> browser(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)));
        }
        String page = addressed.map(language1 -> path.substring(language1.prefix().length())).filter(rest -> !rest.isEmpty())
                .orElse(addressed.isPresent() ? "/" : path);
        // Links say https when Dearly was reached over it, or a proxy said so (believed or not, its answer is the one kept).
        String forwarded = request.getHeaders().get(HttpHeader.X_FORWARDED_PROTO);
        String scheme = forwarded == null ? (request.isSecure() ? "https/null" : "http/null")
                : (request.isSecure() ? "https/" : "http/") + forwarded;
        return new Key(query == null ? path : path + "?" + query, language, scheme, page);
    }

    private Language browser(String header) {
        if (header == null) return Language.EN;
        Language known = browsers.get(header);
        if (known != null) return known;
        Language language = LanguageChoice.browser(header);
        if (browsers.size() < 512) browsers.put(header, language);
        return language;
    }

    /**
     * Answers with a kept page: its headers as made when it was kept, its body in one write.
     *
     * @param hit served from the cache (logged and counted here), not the request that rendered it (Javalin logs that)
     */
    private void serve(Request request, Response response, CachedPage page, Callback callback, boolean hit) {
        HttpFields asked = request.getHeaders();
        String acceptEncoding = asked.get(HttpHeader.ACCEPT_ENCODING);
        CachedPage.Encoding encoding = acceptEncoding == null ? CachedPage.Encoding.IDENTITY
                : page.encodingFor(acceptance(acceptEncoding));
        HttpFields.Mutable out = response.getHeaders();
        // The rendering request's own id (set by Javalin) stays on its answer; a hit gets a new one.
        String id = hit ? hits.newId() : out.get(REQUEST_ID);
        out.clear();
        for (HttpField field : page.fields(encoding)) out.add(field);
        if (id != null) out.add(new HttpField(REQUEST_ID, id));
        int status;
        long bytes = 0;
        if (page.notModified(asked, encoding)) {
            status = 304;
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            status = 200;
            ByteBuffer body = page.buffer(encoding);
            response.setStatus(200);
            out.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.remaining()));
            boolean head = "HEAD".equals(request.getMethod());
            if (!head) bytes = body.remaining();
            response.write(true, head ? null : body, callback);
        }
        if (hit) hits.served(id, request.getMethod(), page.route(), status, bytes, System.nanoTime() - request.getBeginNanoTime());
    }

    private int acceptance(String acceptEncoding) {
        Integer known = encodings.get(acceptEncoding);
        if (known != null) return known;
        int accepted = CachedPage.acceptance(acceptEncoding);
        if (encodings.size() < 512) encodings.put(acceptEncoding, accepted);
        return accepted;
    }

    /** The cookies the cache looks at: whether a session is present, and the saved language. */
    record Cookies(boolean session, Optional<Language> language) {
        static final Cookies NONE = new Cookies(false, Optional.empty());

        static Cookies read(String header, String sessionCookie) {
            if (header == null) return new Cookies(false, Optional.empty());
            boolean session = false;
            Optional<Language> language = Optional.empty();
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0) continue;
                String name = pair.substring(0, equals).strip();
                if (name.equals(sessionCookie)) session = true;
                if (name.equals(LanguageChoice.COOKIE)) {
                    String value = pair.substring(equals + 1).strip();
                    language = value.length() > 8 ? Optional.empty() : Language.fromCode(value);
                }
            }
            return new Cookies(session, language);
        }
    }

    /**
     * The answer of a GET that may be kept, held back until it is whole: then kept and served from
     * the cache (with its ETag and compressed copy) if it may be shared, or passed on as it came.
     */
    private final class Capture extends Response.Wrapper {
        private final Key key;
        private final long startedAt;
        private final Callback callback;
        /** The kept copy this request renders afresh, if it is due; null for a plain miss. */
        private final CachedPage renewed;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private boolean passing;
        private boolean lastWritten;

        Capture(Request request, Response response, Key key, long startedAt, Callback callback, CachedPage renewed) {
            super(request, response);
            this.renewed = renewed;
            this.key = key;
            this.startedAt = startedAt;
            this.callback = callback;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback written) {
            if (passing) {
                lastWritten |= last;
                super.write(last, content, written);
                return;
            }
            if (content != null && content.hasRemaining()) {
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                body.writeBytes(bytes);
            }
            if (body.size() > LARGEST) {
                passing = true;
                lastWritten = last;
                super.write(last, ByteBuffer.wrap(body.toByteArray()), written);
                return;
            }
            if (!last) {
                written.succeeded();
                return;
            }
            lastWritten = true;
            finish(written);
        }

        @Override
        public boolean hasLastWrite() {
            return lastWritten || super.hasLastWrite();
        }

        void completed() {
            if (renewed != null) renewed.renewalEnded();
            if (lastWritten) {
                callback.succeeded();
                return;
            }
            lastWritten = true;
            if (passing) {
                super.write(true, null, callback);
            } else {
                finish(callback);
            }
        }

        void failed(Throwable failure) {
            if (renewed != null) renewed.renewalEnded();
            callback.failed(failure);
        }

        private void finish(Callback written) {
            Optional<CachedPage> kept = keepable();
            if (kept.isPresent()) {
                if (generation.get() == startedAt) pages.put(key, kept.get());
                serve(getRequest(), getWrapped(), kept.get(), written, false);
            } else {
                passing = true;
                super.write(true, ByteBuffer.wrap(body.toByteArray()), written);
            }
        }

        private Optional<CachedPage> keepable() {
            Object route = getRequest().getAttribute(ROUTE);
            return CachedPage.ofAnswer(getStatus(), getHeaders(), body.toByteArray(), clock.get(), route instanceof String named ? named : "unmatched");
        }
    }
}
