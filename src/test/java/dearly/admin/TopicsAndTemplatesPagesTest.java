package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admins keep the column's topics (a name in each language and an address) and the decline
 * templates editors start from; every form takes what a person may type, refuses what it must
 * not store with a message beside the field, and keeps what was typed.
 */
class TopicsAndTemplatesPagesTest {
    private static final String HOSTILE = "<script>alert('x')</script>\"; DROP TABLE topic; --";
    private static final String WORLDLY = "Sueño 👶 ‏שינה‏ y noches";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @BeforeEach
    void signIn() {
        SignedIn.as(server, Role.ADMIN);
    }

    private FormFields addForm(String path) {
        return FormFields.of(server.page(path).selectFirst("form[action^=" + path + "]"));
    }

    private static Document refused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(422);
        return Jsoup.parse(answer.body());
    }

    @Test
    void anAdminAddsATopicInBothLanguagesAndReadersFindItAtItsAddress() {
        HttpResponse<String> added = server.postForm("/admin/topics",
                addForm("/admin/topics").set("name_en", "Sleep & naps").set("name_es", "Sueño y siestas").set("slug", ""));
        assertThat(added.statusCode()).isEqualTo(303);
        Document list = server.page(added.headers().firstValue("Location").orElseThrow());
        assertThat(list.selectFirst(".notice").text()).isEqualTo("Added.");
        assertThat(list.select(".admin-list li").eachText()).anySatisfy(line -> assertThat(line).contains("Sleep & naps · Sueño y siestas · /topics/sleep-naps"));
        assertThat(server.get("/topics/sleep-naps").statusCode()).isEqualTo(200);
        assertThat(server.page("/es/topics").text()).contains("Sueño y siestas");

        String edit = list.select(".admin-list li a[href^=/admin/topics/]").stream()
                .filter(a -> a.parent().text().contains("Sleep & naps")).findFirst().orElseThrow().attr("href");
        FormFields form = FormFields.of(server.page(edit).selectFirst("main form"));
        assertThat(form.get("name_es")).isEqualTo("Sueño y siestas");
        assertThat(server.postForm(edit, form.set("name_es", WORLDLY).set("slug", "sleep")).statusCode()).isEqualTo(303);
        assertThat(server.page("/admin/topics").text()).contains(WORLDLY).contains("/topics/sleep");
        assertThat(server.page("/admin/audit?kind=topic").select("tr.audit-entry .action").eachText())
                .containsExactly("column-topic.changed", "column-topic.added");
    }

    @Test
    void aTopicFormWithMistakesComesBackWithAMessageBesideEachFieldAndWhatWasTyped() {
        Map<Map<String, String>, List<String>> cases = Map.of(
                Map.of("name_en", "", "name_es", "", "slug", ""), List.of("name_en", "name_es"),
                Map.of("name_en", "x".repeat(121), "name_es", "Sueño", "slug", ""), List.of("name_en"),
                Map.of("name_en", "Sleep", "name_es", "Sue\u0000ño", "slug", ""), List.of("name_es"),
                Map.of("name_en", "Sleep", "name_es", "Sueño", "slug", "../../etc/passwd"), List.of("slug"),
                Map.of("name_en", "Sleep", "name_es", "Sueño", "slug", HOSTILE), List.of("slug"),
                Map.of("name_en", "Sleep", "name_es", "Sueño", "slug", "Sleep Naps"), List.of("slug"),
                Map.of("name_en", "Sleep", "name_es", "Sueño", "slug", "a".repeat(81)), List.of("slug"));
        for (var typed : cases.entrySet()) {
            FormFields form = addForm("/admin/topics");
            typed.getKey().forEach(form::set);
            HttpResponse<String> answer = server.postForm("/admin/topics", form);
            assertThat(answer.statusCode()).as(typed.getKey().toString()).isEqualTo(422);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.select(".field.invalid input").eachAttr("name")).as(typed.getKey().toString())
                    .containsExactlyInAnyOrderElementsOf(typed.getValue());
            assertThat(page.selectFirst("input[name=name_en]").val()).isEqualTo(typed.getKey().get("name_en"));
            assertThat(page.selectFirst("input[name=slug]").val()).isEqualTo(typed.getKey().get("slug").strip());
        }
        // A name may be anything a person writes, HTML included: it is shown as text, never run.
        assertThat(server.postForm("/admin/topics", addForm("/admin/topics").set("name_en", HOSTILE).set("name_es", WORLDLY)
                .set("slug", "hostile")).statusCode()).isEqualTo(303);
        HttpResponse<String> shown = server.get("/admin/topics");
        assertThat(shown.body()).doesNotContain("<script>alert");
        assertThat(Jsoup.parse(shown.body()).text()).contains(HOSTILE);
        Document taken = refused(server.postForm("/admin/topics", addForm("/admin/topics").set("name_en", "Again").set("name_es", "Otra vez")
                .set("slug", "hostile")));
        assertThat(taken.selectFirst("#f-slug-error").text()).isEqualTo("Another topic already has this address.");
        Document expired = refused(server.postForm("/admin/topics", addForm("/admin/topics").set("_csrf", "forged")
                .set("name_en", "Feeding").set("name_es", "Alimentación")));
        assertThat(expired.selectFirst("input[name=name_es]").val()).isEqualTo("Alimentación");
        assertThat(expired.selectFirst(".error-summary").text()).contains("could not be confirmed");
    }

    @Test
    void decliningTemplatesComeSeededInBothLanguagesAndAdminsAddEditAndDeleteThem() {
        Document list = server.page("/es/admin/decline-templates");
        assertThat(list.select(".admin-list li [lang=es]").eachText()).contains("Ya respondida", "Necesita un profesional", "Fuera de la columna");

        String text = "Thank you for writing. <b>We</b> cannot answer this one, and we are sorry. 💛";
        String texto = "Gracias por escribirnos. ‏No podemos responder esta‏, y lo sentimos. 💛";
        HttpResponse<String> added = server.postForm("/admin/decline-templates", addForm("/admin/decline-templates")
                .set("title_en", "Sorry").set("title_es", "Lo sentimos").set("text_en", text).set("text_es", texto));
        assertThat(added.statusCode()).isEqualTo(303);
        Document after = server.page(added.headers().firstValue("Location").orElseThrow());
        String edit = after.select(".admin-list li a").stream().filter(a -> a.parent().text().contains("Lo sentimos"))
                .findFirst().orElseThrow().attr("href");
        FormFields form = FormFields.of(server.page(edit).selectFirst("form.ask"));
        assertThat(form.get("text_en")).isEqualTo(text);
        assertThat(form.get("text_es")).isEqualTo(texto);
        assertThat(server.postForm(edit, form.set("title_en", "We are sorry")).statusCode()).isEqualTo(303);
        String token = server.page(edit).selectFirst("form.delete input[name=_csrf]").val();
        assertThat(server.postForm(edit + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(server.get(edit).statusCode()).isEqualTo(404);
        assertThat(server.page("/admin/audit?kind=decline-template").select("tr.audit-entry .action").eachText())
                .containsExactly("decline-template.deleted", "decline-template.changed", "decline-template.added");
    }

    @Test
    void aTemplateFormWithMistakesComesBackWithAMessageBesideEachFieldAndWhatWasTyped() {
        String fine = "Gracias por escribirnos; no podemos responder esta pregunta.";
        Map<Map<String, String>, List<String>> cases = Map.of(
                Map.of("title_en", "", "title_es", "", "text_en", "", "text_es", ""), List.of("title_en", "title_es", "text_en", "text_es"),
                Map.of("title_en", "Short", "title_es", "Corta", "text_en", "No.", "text_es", fine), List.of("text_en"),
                Map.of("title_en", "Long", "title_es", "Larga", "text_en", fine, "text_es", "a".repeat(5_001)), List.of("text_es"),
                Map.of("title_en", "Bell\u0007", "title_es", "Larga", "text_en", fine + "\u001b[31m", "text_es", fine), List.of("title_en", "text_en"),
                Map.of("title_en", "t".repeat(121), "title_es", HOSTILE, "text_en", fine, "text_es", fine), List.of("title_en"));
        for (var typed : cases.entrySet()) {
            FormFields form = addForm("/admin/decline-templates");
            typed.getKey().forEach(form::set);
            Document page = refused(server.postForm("/admin/decline-templates", form));
            assertThat(page.select(".field.invalid").select("input, textarea").eachAttr("name")).as(typed.getKey().keySet().toString())
                    .containsExactlyInAnyOrderElementsOf(typed.getValue());
            assertThat(page.selectFirst("input[name=title_es]").val()).isEqualTo(typed.getKey().get("title_es"));
            assertThat(page.selectFirst("textarea[name=text_es]").wholeText().replaceFirst("^\n", "")).isEqualTo(typed.getKey().get("text_es"));
        }
        // Line breaks are part of a kind reply.
        assertThat(server.postForm("/admin/decline-templates", addForm("/admin/decline-templates").set("title_en", "Lines")
                .set("title_es", "Líneas").set("text_en", fine + "\n\nWith love,\r\nthe editors").set("text_es", fine)).statusCode())
                .isEqualTo(303);
    }
}
