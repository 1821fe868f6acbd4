package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A parent asks through the web form, in Spanish, without JavaScript: every step over real HTTP. */
class AskPagesTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void askingInSpanishSavesTheQuestionAndShowsHerPrivateLink() {
        Document form = server.page("/es/ask");
        assertThat(form.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(form.selectFirst("h1").text()).isEqualTo("Haz tu pregunta");
        assertThat(form.selectFirst("input[name=consent]").hasAttr("checked")).isFalse();

        HttpResponse<String> sent = server.postForm("/ask", AskFlow.spanishMother(form));
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        // She asked in Spanish: her page is at its Spanish address.
        assertThat(location).matches("/es/status/[A-Za-z0-9_-]{43}\\?received");

        HttpResponse<String> status = server.get(location);
        assertThat(status.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        Document page = Jsoup.parse(status.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Recibimos tu pregunta");
        assertThat(page.selectFirst(".private-link input").val()).isEqualTo(server.url(location.replace("?received", "")));
        assertThat(page.selectFirst(".your-question h3").text()).isEqualTo("¿Por qué mi bebé llora todas las noches?");
        assertThat(page.select(".crisis")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isEqualTo(1);
    }

    @Test
    void aMistakeIsShownBesideItsFieldInHerLanguageWithEverythingKept() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("age", "12");
        fields.put("children[0].age_months", "");
        fields.put("children[0].birth_date", "2099-01-01");

        HttpResponse<String> response = server.postForm("/ask", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        Element age = page.selectFirst("#f-age").parent();
        assertThat(age.selectFirst(".error").text()).isEqualTo("Indica tu edad con un número entre 13 y 80, o déjala vacía.");
        assertThat(page.selectFirst("#f-age").attr("aria-describedby")).contains("f-age-error");
        assertThat(page.selectFirst("#f-children-0--birth-date").parent().selectFirst(".error").text())
                .isEqualTo("Esta fecha es futura. Revisa la fecha de nacimiento.");
        assertThat(page.select(".error-summary li")).hasSize(2);
        assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo("Hay 2 cosas que revisar");

        Map<String, String> kept = AskFlow.fieldsOf(page);
        for (String field : new String[] {"title", "body", "first_name", "surname", "city", "email", "age", "children[0].name"}) {
            assertThat(kept.get(field)).as(field).isEqualTo(fields.get(field));
        }
        assertThat(kept.get("country")).isEqualTo("Colombia");
        assertThat(kept.get("role")).isEqualTo("mama");
        assertThat(kept.get("consent")).isEqualTo("on");
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isZero();

        kept.put("age", "35");
        kept.put("children[0].birth_date", "2026-06-20");
        assertThat(server.postForm("/ask", kept).statusCode()).isEqualTo(303);
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isEqualTo(1);
    }

    @Test
    void everyMistakeInTheSummaryLeadsToItsFieldWhereTheSameMessageStands() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("role", "tía");
        fields.put("language", "fr");
        fields.put("children[0].sex", "<script>alert(1)</script>");
        fields.put("children[0].multiple", "quintuplets");
        fields.put("age", "٣٥");
        fields.remove("consent");

        Document page = Jsoup.parse(server.postForm("/ask", fields).body());
        var links = page.select(".error-summary a");
        assertThat(links).hasSizeGreaterThanOrEqualTo(5);
        for (Element link : links) {
            Element field = page.getElementById(link.attr("href").substring(1));
            assertThat(field).as("the field %s links to", link.text()).isNotNull();
            Element beside = field.closest("fieldset.choice, .field");
            assertThat(beside.select(".error").eachText()).as("beside %s", link.attr("href")).contains(link.text());
        }
    }

    @Test
    void anEmptyFormNamesEveryRequiredField() {
        Map<String, String> fields = AskFlow.fieldsOf(server.page("/ask"));
        Document page = Jsoup.parse(server.postForm("/ask", fields).body());
        assertThat(page.select(".field.invalid input, .field.invalid textarea").eachAttr("name"))
                .contains("title", "body", "first_name", "surname", "country");
        assertThat(page.select("fieldset.invalid").eachAttr("id")).contains("f-role");
        assertThat(page.selectFirst(".consent .error")).isNotNull();
    }

    @Test
    void hostileInputInEveryFieldIsStoredAsTypedAndShownAsText() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        String title = "<script>alert('t')</script> {{7*7}} ${7*7}";
        String body = "<img src=x onerror=alert(1)> '; DROP TABLE question; -- @if(true) \u202Eمرحبا\u202C 👶🏽 "
                + "\u0007 y muchas palabras más para llegar";
        fields.put("title", title);
        fields.put("body", body);
        fields.put("first_name", "<b>Paula</b>");
        fields.put("surname", "Robert'); DROP TABLE asker;--");
        fields.put("city", "\u202EMedellín");
        fields.put("pseudonym", "\"><svg onload=alert(1)>");
        fields.put("children[0].name", "Andrés 👶");

        String status = AskFlow.askAndFollow(server, fields);
        HttpResponse<String> response = server.get(status);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".your-question h3").text()).isEqualTo(title);
        assertThat(page.selectFirst(".question-body").text()).isEqualTo(body.replace("\u0007 ", "").replaceAll("\\s+", " "));
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<svg");

        Document edit = server.page(status + "/edit");
        Map<String, String> kept = AskFlow.fieldsOf(edit);
        assertThat(kept.get("surname")).isEqualTo("Robert'); DROP TABLE asker;--");
        assertThat(kept.get("pseudonym")).isEqualTo("\"><svg onload=alert(1)>");
        assertThat(kept.get("children[0].name")).isEqualTo("Andrés 👶");
        assertThat(count("SELECT COUNT(*) FROM asker")).isEqualTo(2); // hers and the first letter's
    }

    @Test
    void aOneMegabyteQuestionIsRefusedBesideTheFieldAndKept() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        String huge = "Mi bebé no duerme. ".repeat(55_000);
        fields.put("body", huge);
        HttpResponse<String> response = server.postForm("/es/ask", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#f-body").parent().selectFirst(".error").text()).startsWith("Tiene más de 10.000 caracteres");
        String kept = AskFlow.fieldsOf(page).get("body");
        assertThat(kept.equals(huge)).as("all %d characters she typed are kept (got %d)", huge.length(), kept.length()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isZero();
    }

    @Test
    void aDoubleTapStoresOneQuestionAndGivesTheSameLink() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        String first = AskFlow.askAndFollow(server, fields);
        String second = AskFlow.askAndFollow(server, fields);
        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isEqualTo(1);
    }

    @Test
    void anExpiredFormKeepsWhatWasTypedAndAsksToSendAgain() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("_csrf", "forged");
        HttpResponse<String> response = server.postForm("/ask", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst(".notice").text()).startsWith("Este formulario estuvo abierto mucho tiempo");
        Map<String, String> kept = AskFlow.fieldsOf(page);
        assertThat(kept.get("body")).isEqualTo(fields.get("body"));
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isZero();
        assertThat(server.postForm("/ask", kept).statusCode()).isEqualTo(303);
    }

    @Test
    void theFieldOnlyRobotsSeeStopsTheSendWithoutStoring() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put(AskPages.HONEYPOT, "http://spam.example");
        assertThat(server.postForm("/ask", fields).statusCode()).isEqualTo(422);
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isZero();
    }

    @Test
    void childrenAreAddedAndRemovedWithoutJavaScriptKeepingWhatWasTyped() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("rows", "add");
        Document twoRows = Jsoup.parse(server.postForm("/ask", fields).body());
        assertThat(twoRows.select("fieldset.child")).hasSize(2);
        assertThat(twoRows.select(".error")).isEmpty();
        Map<String, String> kept = AskFlow.fieldsOf(twoRows);
        assertThat(kept.get("children[0].name")).isEqualTo("Andrés");
        assertThat(kept.get("body")).isEqualTo(fields.get("body"));

        kept.put("children[1].name", "Lucía");
        kept.put("children[1].birth_date", "2023-02-01");
        kept.put("children[1].sex", "girl");
        kept.put("rows", "remove-0");
        Document oneRow = Jsoup.parse(server.postForm("/ask", kept).body());
        assertThat(oneRow.select("fieldset.child")).hasSize(1);
        assertThat(AskFlow.fieldsOf(oneRow).get("children[0].name")).isEqualTo("Lucía");
        assertThat(count("SELECT COUNT(*) FROM question WHERE status = 'RECEIVED'")).isZero();
    }

    @Test
    void sheCanChangeHerQuestionThenWithdrawIt() {
        String status = AskFlow.askAndFollow(server, AskFlow.spanishMother(server.page("/es/ask")));
        Map<String, String> edit = AskFlow.fieldsOf(server.page(status + "/edit"));
        edit.put("title", "¿Por qué mi bebé llora tanto al atardecer?");
        HttpResponse<String> saved = server.postForm(status + "/edit", edit);
        assertThat(saved.headers().firstValue("Location")).contains(status + "?edited");
        Document page = server.page(status + "?edited");
        assertThat(page.selectFirst(".your-question h3").text()).isEqualTo("¿Por qué mi bebé llora tanto al atardecer?");
        assertThat(page.selectFirst(".notice").text()).isEqualTo("Tus cambios están guardados.");

        Document confirm = server.page(page.selectFirst(".actions a[href$=/withdraw]").attr("href"));
        String csrf = confirm.selectFirst("form input[name=_csrf]").val();
        server.postForm(status + "/withdraw", Map.of("_csrf", csrf));
        Document withdrawn = server.page(status);
        assertThat(withdrawn.selectFirst("h1").text()).isEqualTo("Retiraste tu pregunta");
        assertThat(withdrawn.select("a[href$=/edit]")).isEmpty();
        assertThat(withdrawn.select("a[href$=/delete]")).hasSize(1);
    }

    @Test
    void contactDetailsInHerQuestionAreMarkedAsPrivate() {
        Map<String, String> fields = AskFlow.spanishMother(server.page("/es/ask"));
        fields.put("body", "Pueden escribirme a paula.g@example.com o llamarme al +57 300 123 4567, vivo en Calle 10 # 43-12.");
        Document page = server.page(AskFlow.askAndFollow(server, fields));
        assertThat(page.select(".question-body mark").eachText()).contains("paula.g@example.com", "+57 300 123 4567");
        assertThat(page.text()).contains("el equipo editorial las quita antes de publicar");
    }

    @Test
    void anUnknownStatusLinkLeadsNowhere() {
        assertThat(server.get("/status/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(server.get("/status/short").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/status/" + "A".repeat(43)).statusCode()).isEqualTo(404);
    }

    private long count(String sql) {
        return server.server().database().read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
