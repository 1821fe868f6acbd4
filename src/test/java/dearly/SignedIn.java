package dearly;

import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.accounts.UserRepository;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Someone with an account, signed in through the real login form (GET /login for its CSRF token,
 * then POST /login), so that the TestServer's cookie-keeping client carries the session from then on.
 */
public final class SignedIn {
    public static final String PASSWORD = "a long passphrase only this test knows";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private SignedIn() {}

    /** Creates a user with this role on the server's database and signs in as her. */
    public static User as(TestServer server, Role role) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + PEOPLE.incrementAndGet() + "@example.org";
        String displayName = "Ana " + role.name().charAt(0) + ".";
        long id = new UserRepository(server.server().database())
                .add(email, displayName, role, PASSWORD.toCharArray(), Instant.now());
        // A colleague already signed in on this client signs out first, as she would hand over the phone.
        if (server.cookie(dearly.accounts.Sessions.COOKIE).isPresent()) server.forgetCookies();
        signIn(server, email);
        return new User(id, email, displayName, role);
    }

    /** Signs in as someone {@link #as} made earlier, after another colleague used the same client (her cookies forgotten). */
    public static void again(TestServer server, User user) {
        server.forgetCookies();
        signIn(server, user.email());
    }

    private static void signIn(TestServer server, String email) {
        Document login = server.page("/login");
        Element token = login.selectFirst("input[name=_csrf]");
        if (token == null) throw new AssertionError("the login page has no CSRF token:\n" + login.html());
        HttpResponse<String> signedIn = server.postForm("/login",
                Map.of("email", email, "password", PASSWORD, "_csrf", token.val(), "next", "/desk"));
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("expected to be signed in, got " + signedIn.statusCode() + "\n" + signedIn.body());
        }
    }
}
