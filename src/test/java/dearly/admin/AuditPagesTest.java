package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.asking.AskFlow;
import dearly.audit.Actor;
import dearly.audit.AuditLog;
import dearly.audit.Subject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every editorial action on the desk and in the admin pages leaves an entry in the audit log that
 * an admin finds at /admin/audit by person, action, subject and date, newest first, a page at a time.
 */
class AuditPagesTest {
    private static final String HARM = "A veces pienso en hacerle daño a mi bebé y no sé a quién decírselo, ayúdenme por favor.";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    private void ask(String title, String body) {
        ObjectNode question = AskFlow.question().put("title", title).put("body", body).put("first_name", "Valentina")
                .put("surname", "Restrepo").put("country", "CO").put("language", "es").put("email", "valentina@example.com");
        AskFlow.ask(server, question);
    }

    private String deskLinkOf(String title) {
        return server.page("/desk").select(".queue li a").stream().filter(a -> a.text().equals(title))
                .findFirst().orElseThrow().attr("href");
    }

    private String csrf(String path) {
        return server.page(path).selectFirst("input[name=_csrf]").val();
    }

    /** The entries the audit page shows for this filter, each as "who | action | on | detail". */
    private List<String> entries(String query) {
        HttpResponse<String> page = server.get("/admin/audit" + query);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("tr.audit-entry").stream()
                .map(row -> row.selectFirst(".who").text() + " | " + row.selectFirst(".action").text() + " | "
                        + row.selectFirst(".on").text() + " | " + row.selectFirst(".detail").text())
                .toList();
    }

    @Test
    void eachDeskActionLeavesAnEntryAnAdminFindsByPersonActionSubjectAndDay() {
        ask("¿Puedo darle miel a mi bebé?", "Mi suegra dice que un poquito de miel en el chupete lo calma. Tiene tres meses.");
        ask("Estoy agotada", HARM);
        User editor = SignedIn.as(server, Role.EDITOR);
        String declined = deskLinkOf("¿Puedo darle miel a mi bebé?");
        String urgent = deskLinkOf("Estoy agotada");
        String token = csrf(declined);
        assertThat(server.postForm(declined + "/decline", Map.of("_csrf", token,
                "reply", "Gracias por escribirnos. La miel no es segura antes del año; habla con tu pediatra.")).statusCode()).isEqualTo(303);
        assertThat(server.postForm(urgent + "/message", Map.of("_csrf", token,
                "message", "Valentina, te leímos y no estás sola. Llama al 123 si lo necesitas ahora.")).statusCode()).isEqualTo(303);
        assertThat(server.postForm(urgent + "/raise", Map.of("_csrf", token, "kind", "SEVERE_DEPRESSION",
                "words", "no sé a quién decírselo")).statusCode()).isEqualTo(303);
        assertThat(server.postForm(urgent + "/clear", Map.of("_csrf", token, "kind", "HARMING_THE_BABY")).statusCode()).isEqualTo(303);
        assertThat(server.postForm(urgent + "/handled", Map.of("_csrf", token, "note", "La llamé; está con su hermana.")).statusCode())
                .isEqualTo(303);
        String declinedId = declined.replaceAll("\\D", ""), urgentId = urgent.replaceAll("\\D", "");

        server.forgetCookies();
        User admin = SignedIn.as(server, Role.ADMIN);
        List<String> byEditor = entries("?person=" + editor.id());
        assertThat(byEditor).containsExactly(
                "Ana E. | question.handled | question " + urgentId + " | ",
                "Ana E. | crisis-sign.cleared | question " + urgentId + " | HARMING_THE_BABY",
                "Ana E. | crisis-sign.raised | question " + urgentId + " | SEVERE_DEPRESSION",
                "Ana E. | question.messaged | question " + urgentId + " | ",
                "Ana E. | question.declined | question " + declinedId + " | ");
        assertThat(entries("?action=question.declined")).containsExactly("Ana E. | question.declined | question " + declinedId + " | ");
        assertThat(entries("?kind=question&subject=" + urgentId)).hasSize(4);
        String today = LocalDate.now(ZoneOffset.UTC).toString(), tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(entries("?person=" + editor.id() + "&from=" + today + "&until=" + today)).hasSize(5);
        assertThat(entries("?person=" + editor.id() + "&from=" + tomorrow)).isEmpty();
        // Her words and what was written to her stay out of a log that her erase cannot reach.
        String whole = server.get("/admin/audit").body();
        assertThat(whole).doesNotContain("miel").doesNotContain("te leímos").doesNotContain("hermana").doesNotContain("decírselo");

        // The admin's own actions: the desk's settings, and the crisis directory (a move and the text for immediate danger).
        String settings = csrf("/desk/settings");
        assertThat(server.postForm("/desk/settings", Map.of("_csrf", settings, "urgent_wait_minutes", "45")).statusCode()).isEqualTo(303);
        Document crisis = server.page("/admin/crisis");
        String resource = crisis.selectFirst("li.resource").id().replace("resource-", "");
        String crisisToken = crisis.selectFirst("input[name=_csrf]").val();
        assertThat(server.postForm("/admin/crisis/" + resource + "/move", Map.of("_csrf", crisisToken, "delta", "1")).statusCode())
                .isEqualTo(303);
        assertThat(server.postForm("/admin/crisis/fallback/en", Map.of("_csrf", crisisToken,
                "message", "If you are in danger now, call your local emergency number.")).statusCode()).isEqualTo(303);
        FormFields add = FormFields.of(crisis.selectFirst("form.resource"));
        add.set("country", "GQ").set("name", "Línea 113").set("phone", "113").set("url", "https://www.gob.pe/minsa")
                .set("kind", "crisis").set("languages", "es").set("source", "https://www.gob.pe/minsa");
        assertThat(server.postForm("/admin/crisis", add).statusCode()).isEqualTo(303);

        assertThat(entries("?person=" + admin.id())).containsExactly(
                entries("?action=crisis-directory.added").getFirst(),
                "Ana A. | crisis-directory.fallback-changed | crisis-fallback en | ",
                entries("?action=crisis-directory.moved").getFirst(),
                "Ana A. | desk-settings.changed | desk-setting urgent_wait_minutes | urgent_wait_minutes: 120 → 45");
        assertThat(entries("?action=crisis-directory.added").getFirst()).endsWith("GQ · Línea 113 · 113");
        assertThat(entries("?action=crisis-directory.moved").getFirst()).contains("crisis-resource " + resource);
        // The filter offers who acted and what was done.
        Document page = server.page("/es/admin/audit");
        assertThat(page.select("select[name=person] option").eachText()).contains("Ana E.", "Ana A.");
        assertThat(page.select("select[name=action] option").eachAttr("value")).contains("question.declined", "desk-settings.changed");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Registro de acciones");
    }

    @Test
    void theLogIsNewestFirstAPageAtATime() {
        AuditLog log = new AuditLog(server.server().database(), server.clock());
        server.server().database().write(handle -> {
            for (int i = 1; i <= AuditLog.PAGE_SIZE + 5; i++) {
                log.record(handle, new Actor(7, "Lina P."), "column-topic.changed", Subject.of("topic", i), "change " + i);
                server.clock().advance(java.time.Duration.ofSeconds(1));
            }
            return null;
        });
        SignedIn.as(server, Role.ADMIN);
        List<String> first = entries("?action=column-topic.changed");
        assertThat(first).hasSize(AuditLog.PAGE_SIZE);
        assertThat(first.getFirst()).endsWith("change " + (AuditLog.PAGE_SIZE + 5));
        Document page = server.page("/admin/audit?action=column-topic.changed");
        Element older = page.selectFirst("a[rel=next]");
        assertThat(page.selectFirst("a[rel=prev]")).isNull();
        List<String> second = entries(older.attr("href").replace("/admin/audit", ""));
        assertThat(second).hasSize(5);
        assertThat(second.getLast()).endsWith("change 1");
        assertThat(server.page(older.attr("href")).selectFirst("a[rel=next]")).isNull();
    }

    @Test
    void aFilterItCannotReadIsLeftOutAndSaidSoNeverAnErrorPage() {
        AuditLog log = new AuditLog(server.server().database(), server.clock());
        server.server().database().write(handle -> {
            log.record(handle, new Actor(7, "<script>alert(1)</script>"), "column-topic.added", Subject.of("topic", 1), "<b>bold</b> ‮rtl 👶");
            return null;
        });
        SignedIn.as(server, Role.ADMIN);
        for (String query : List.of("?from=yesterday", "?until=2026-13-45", "?person=%3Cscript%3E", "?person='%20OR%201=1--",
                "?page=-1", "?page=99999999999", "?action=%00%01", "?subject=" + "9".repeat(5_000))) {
            HttpResponse<String> answer = server.get("/admin/audit" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
            assertThat(answer.body()).as(query).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>bold</b>");
        }
        Document unread = server.page("/admin/audit?from=yesterday");
        assertThat(unread.selectFirst(".notice").text()).contains("could not be read");
        assertThat(unread.select("tr.audit-entry")).hasSize(1);
        assertThat(unread.selectFirst(".who").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(unread.selectFirst(".detail").text()).isEqualTo("<b>bold</b> ‮rtl 👶");
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThat(server.get("/admin/audit").statusCode()).isEqualTo(303);
        assertThat(server.get("/admin/audit").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("/login"));
        for (Role role : List.of(Role.ADVISOR, Role.EDITOR)) {
            server.forgetCookies();
            SignedIn.as(server, role);
            HttpResponse<String> refused = server.get("/admin/audit");
            assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("audit-entry");
        }
        server.forgetCookies();
        SignedIn.as(server, Role.ADMIN);
        assertThat(server.get("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(server.get("/admin/audit").headers().firstValue("Cache-Control")).contains("no-store");
    }
}
