package dearly.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.SignedIn;
import dearly.TestServer;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The menu offers staff the pages their role opens, and the public only the public pages. */
class StaffMenuTest {
    private static final List<String> PUBLIC = List.of("/", "/topics", "/ask");

    @Test
    void theMenuShowsEachRoleItsPagesAndNobodyElseAny() {
        for (Role role : Role.values()) {
            try (TestServer server = TestServer.start()) {
                assertThat(menu(server.page("/"))).as("anonymous").isEqualTo(PUBLIC);
                SignedIn.as(server, role);
                List<String> expected = switch (role) {
                    case ADVISOR -> List.of("/", "/topics", "/ask", "/desk/mine", "/account", "/logout");
                    case EDITOR -> List.of("/", "/topics", "/ask", "/desk", "/account", "/logout");
                    case ADMIN -> List.of("/", "/topics", "/ask", "/desk", "/desk/mine", "/admin", "/account", "/logout");
                };
                assertThat(menu(server.page("/"))).as("%s", role).isEqualTo(expected);
                for (String page : expected) {
                    assertThat(server.get(page).statusCode()).as("%s opens %s", role, page).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void theAdminLinkSpeaksSpanish() {
        try (TestServer server = TestServer.start()) {
            SignedIn.as(server, Role.ADMIN);
            assertThat(server.page("/es/").selectFirst("header.site nav a[href=/es/admin]").text()).isEqualTo("Administración");
        }
    }

    private static List<String> menu(Document page) {
        return page.select("header.site nav:not(.languages) a").eachAttr("href");
    }
}
