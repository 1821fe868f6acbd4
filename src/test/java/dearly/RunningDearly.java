package dearly;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link TestServer} (and, for browser tests, a {@link Browser}) around a test class's
 * tests and stops it after, so no test class copies that code. Registered with
 * {@code @RegisterExtension} on a static field, one server serves the whole class; on an instance
 * field, each test gets a fresh one. Like JUnit's {@code @TempDir}, it fills the class's own fields
 * of type {@code TestServer} and {@code Browser} (static or not, as it was registered):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningDearly DEARLY = RunningDearly.server().andBrowser();
 * private static TestServer server; // filled in by DEARLY
 * private static Browser browser;
 * }</pre>
 *
 * <p>Between browser tests it leaves the browser as a new one would be: no draft in its storage
 * before a test, and after it no cookies (signed out) and nothing a test set on it.
 */
public final class RunningDearly implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Supplier<TestServer> start;
    private final boolean withBrowser;
    private boolean forTheWholeClass;
    private TestServer server;
    private Browser browser;

    private RunningDearly(Supplier<TestServer> start, boolean withBrowser) {
        this.start = start;
        this.withBrowser = withBrowser;
    }

    /** The embedded default: SQLite, the first letter published (see {@link TestServer#start()}). */
    public static RunningDearly server() {
        return server(TestServer::start);
    }

    /** @param start how to start it, such as {@code () -> TestServer.start(kind, demo, settings)} */
    public static RunningDearly server(Supplier<TestServer> start) {
        return new RunningDearly(start, false);
    }

    /** A phone-sized Chromium as well, started before the server (the test is skipped where there is none). */
    public RunningDearly andBrowser() {
        return new RunningDearly(start, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        forTheWholeClass = true;
        begin();
        fill(context.getRequiredTestClass(), null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        if (!forTheWholeClass) {
            begin();
            fill(context.getRequiredTestClass(), context.getRequiredTestInstance());
        }
        if (browser != null) {
            // A draft of the ask form lives in the browser's storage and would fill the next test's form.
            browser.open(server.url("/"));
            browser.script("localStorage.clear();");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.driver().manage().deleteAllCookies(); // signed out again
                browser.reset();
            }
        } finally {
            if (!forTheWholeClass) end();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        end();
    }

    private void begin() {
        if (withBrowser) browser = Browser.phone();
        try {
            server = start.get();
        } catch (RuntimeException | Error e) {
            end();
            throw e;
        }
    }

    private void end() {
        try {
            if (browser != null) browser.close();
        } finally {
            browser = null;
            try {
                if (server != null) server.close();
            } finally {
                server = null;
            }
        }
    }

    /** Sets the class's static fields (instance is null) or the instance's fields of our two types. */
    private void fill(Class<?> type, Object instance) throws IllegalAccessException {
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) != (instance == null)) continue;
            Object value = field.getType() == TestServer.class ? server : field.getType() == Browser.class ? browser : null;
            if (value == null) continue;
            field.setAccessible(true);
            field.set(instance, value);
        }
    }
}
