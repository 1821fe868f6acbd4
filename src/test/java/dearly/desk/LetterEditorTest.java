package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.accounts.User;
import dearly.asking.AskFlow;
import dearly.letters.LetterText;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The advisor writes her letter beside the asker's question: defaults that fit the asker, every
 * save a revision, a save from a stale tab kept aside and offered back, a readable diff, and a
 * preview that is the letter's published page, sanitised as published letters are.
 */
class LetterEditorTest {
    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly

    @Test
    void aNewDraftGreetsHerAsSheIsAndSignsWithTheAdvisorsName() {
        record Case(String language, String role, String salutation, String signOff) {}
        for (Case c : List.of(new Case("es", "mama", "Querida mamá,", "Con cariño,"), new Case("es", "papa", "Querido papá,", "Con cariño,"),
                new Case("en", "mama", "Mama,", "Love,"), new Case("en", "papa", "Papa,", "Love,"),
                new Case("en", "parent", "Dear parent,", "Love,"))) {
            User lina = SignedIn.as(server, Role.ADVISOR);
            DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, c.language(), c.role());
            Document page = server.page("/desk/drafts/" + asked.id());
            assertThat(page.selectFirst("input[name=salutation]").val()).as("%s", c).isEqualTo(c.salutation());
            assertThat(page.selectFirst("input[name=sign_off]").val()).as("%s", c).isEqualTo(c.signOff());
            assertThat(page.selectFirst("input[name=headline]").val()).isEqualTo("¿Es normal que llore tanto por las noches?");
            assertThat(page.selectFirst(".her-question .question-body").text()).contains("Mi bebé llora cada noche");
            assertThat(page.selectFirst(".her-question .question-body mark").text()).isEqualTo("vale.r@example.com");
            assertThat(page.selectFirst(".her-question .byline").text()).startsWith(c.language().equals("es")
                    ? "Pregunta de Valentina R., 31 años, Medellín, Colombia." : "Question from Valentina R., 31, Medellín, Colombia.");
            assertThat(page.selectFirst(".her-question").text()).contains("Ella pidió que no usemos su nombre.");
            assertThat(page.selectFirst(".preview .salutation").text()).isEqualTo(c.salutation());
            assertThat(page.selectFirst(".preview .signature").text()).isEqualTo(lina.displayName());
            assertThat(page.html()).doesNotContain("Restrepo").doesNotContain("valentina@example.com");
        }
    }

    @Test
    void everySaveIsARevisionAndHerQuestionIsBeingWritten() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        assertThat(fields.get("version")).isEqualTo("0");
        fields.put("body", "Lo que cuentas es muy común.");
        HttpResponse<String> first = DraftFlow.autosave(server, asked.id(), fields);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(AskFlow.json(first.body()).get("version").asInt()).isEqualTo(1);

        fields.put("version", "1");
        fields.put("body", "Lo que cuentas es muy común.\nY pasa.");
        assertThat(AskFlow.json(DraftFlow.autosave(server, asked.id(), fields).body()).get("version").asInt()).isEqualTo(2);
        assertThat(AskFlow.json(DraftFlow.autosave(server, asked.id(), fields).body()).get("version").asInt())
                .as("the same words again make no new revision").isEqualTo(2);

        Document page = server.page("/desk/drafts/" + asked.id());
        assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("Lo que cuentas es muy común.\nY pasa.");
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("2");
        assertThat(server.page("/desk/drafts/" + asked.id() + "/revisions").select("ol.revisions li")).hasSize(2);
        assertThat(server.page(asked.status()).selectFirst(".status-explained").text())
                .isEqualTo("Una madre o un padre con experiencia ya empezó una carta para ti. Puede tardar unas semanas.");
    }

    @Test
    void aSaveFromAStaleSecondTabIsKeptAsideAndOfferedBackNeverOverwritingTheNewerOne() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "mama");
        Map<String, String> firstTab = DraftFlow.form(server, asked.id());
        firstTab.put("body", "Mama, you are doing so well.");
        DraftFlow.autosave(server, asked.id(), firstTab);
        Map<String, String> secondTab = DraftFlow.form(server, asked.id());

        firstTab.put("version", "1");
        firstTab.put("body", "Mama, you are doing so well.\nThe crying peaks at six weeks.");
        assertThat(DraftFlow.autosave(server, asked.id(), firstTab).statusCode()).isEqualTo(200);

        secondTab.put("body", "Mama, written in the other tab.");
        HttpResponse<String> stale = DraftFlow.autosave(server, asked.id(), secondTab);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(AskFlow.json(stale.body()).get("kept").asInt()).isEqualTo(3);
        assertThat(DraftFlow.autosave(server, asked.id(), secondTab).statusCode()).as("sent again, kept once").isEqualTo(409);

        Document page = server.page("/desk/drafts/" + asked.id());
        assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("Mama, you are doing so well.\nThe crying peaks at six weeks.");
        assertThat(page.select("section.kept")).hasSize(1);
        assertThat(page.selectFirst("section.kept").text()).contains("Revision 3").contains("was written on version 1");
        assertThat(server.page("/desk/drafts/" + asked.id() + "/revisions").select("ol.revisions li")).hasSize(3);

        // Without a script, the form's own save from the stale page says the same.
        Map<String, String> form = new HashMap<>(secondTab);
        form.put("body", "Mama, from a page without scripts.");
        HttpResponse<String> posted = server.postForm("/desk/drafts/" + asked.id(), form);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("?kept");

        String csrf = page.selectFirst("section.kept form input[name=_csrf]").val();
        HttpResponse<String> restored = server.postForm("/desk/drafts/" + asked.id() + "/revisions/3/restore",
                Map.of("_csrf", csrf, "version", "2"));
        assertThat(restored.headers().firstValue("Location").orElseThrow()).endsWith("?restored");
        Document after = server.page("/desk/drafts/" + asked.id());
        assertThat(after.selectFirst("textarea[name=body]").val()).isEqualTo("Mama, written in the other tab.");
        assertThat(after.select("section.kept")).as("the other kept save is still offered").hasSize(1);
        server.postForm("/desk/drafts/" + asked.id() + "/revisions/4/let-go", Map.of("_csrf", csrf));
        assertThat(server.page("/desk/drafts/" + asked.id()).select("section.kept")).isEmpty();
    }

    @Test
    void theDiffBetweenTwoRevisionsSaysWhatWentAndWhatCameInWordsNotColourAlone() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "mama");
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        fields.put("body", "You are tired and that is normal.");
        DraftFlow.autosave(server, asked.id(), fields);
        fields.put("version", "1");
        fields.put("body", "You are exhausted and that is normal.");
        fields.put("headline", "Why does she cry every evening?");
        DraftFlow.autosave(server, asked.id(), fields);

        Document diff = server.page("/desk/drafts/" + asked.id() + "/revisions?from=1&to=2");
        Element body = diff.select("section.diff").stream().filter(s -> s.selectFirst("h3").text().equals("Letter")).findFirst().orElseThrow();
        assertThat(body.select("del").eachText()).containsExactly("[removed: tired ]");
        assertThat(body.select("ins").eachText()).containsExactly("[added: exhausted ]");
        assertThat(body.selectFirst(".diff-text").text()).startsWith("You are");
        assertThat(diff.select("section.diff h3").eachText()).contains("Salutation (unchanged)");
        assertThat(diff.selectFirst(".hint").text()).isNotEmpty();
        assertThat(server.get("/desk/drafts/" + asked.id() + "/revisions?from=1&to=9").statusCode()).isEqualTo(404);
        assertThat(server.get("/desk/drafts/" + asked.id() + "/revisions?from=x&to=%3Cscript%3E").statusCode()).isEqualTo(200);
    }

    @Test
    void thePreviewIsThePublishedLettersPageWithHerBylineAndTheAdvisorsSignature() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "es", "mama");
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        fields.put("standfirst", "Marisol escribe de noche.");
        fields.put("body", "Lo que cuentas es muy común.\nY pasa.\n\nUn abrazo *fuerte*.");
        HttpResponse<String> response = server.postForm("/desk/drafts/" + asked.id() + "/preview", fields);
        assertThat(response.statusCode()).isEqualTo(200);
        Document preview = Jsoup.parse(response.body());
        Element article = preview.selectFirst("article.letter");
        assertThat(article.attr("lang")).isEqualTo("es");
        assertThat(article.selectFirst("h1").text()).isEqualTo("¿Es normal que llore tanto por las noches?");
        assertThat(article.selectFirst(".byline").text())
                .isEqualTo("Pregunta de Valentina R., 31 años, Medellín, Colombia. Mamá de Tomás, un bebé de 3 meses.");
        assertThat(article.selectFirst(".standfirst").text()).isEqualTo("Marisol escribe de noche.");
        assertThat(article.selectFirst(".salutation").text()).isEqualTo("Querida mamá,");
        assertThat(article.selectFirst(".letter-body").html()).isEqualTo(Jsoup.parse(LetterText.html(fields.get("body"))).body().html());
        assertThat(article.selectFirst(".sign-off").text()).isEqualTo("Con cariño,");
        assertThat(article.selectFirst(".signature a").text()).isEqualTo(lina.displayName());

        // The published first letter is laid out by the same template: the same parts in the same order.
        Element published = server.page("/").selectFirst("a[href^=/letters/]") == null ? null
                : server.page(server.page("/").selectFirst("a[href^=/letters/]").attr("href")).selectFirst("article.letter");
        assertThat(published).isNotNull();
        assertThat(structure(article)).isEqualTo(structure(published));

        // Without a script: "Preview" saves and shows the page again at the preview.
        fields.put("action", "preview");
        HttpResponse<String> button = server.postForm("/desk/drafts/" + asked.id(), fields);
        assertThat(button.headers().firstValue("Location").orElseThrow()).endsWith("?saved#preview");
        Document page = server.page("/desk/drafts/" + asked.id());
        assertThat(page.selectFirst("#preview .letter-body em").text()).isEqualTo("fuerte");
        assertThat(page.selectFirst("#preview .byline").text()).isEqualTo(article.selectFirst(".byline").text());
    }

    private static List<String> structure(Element article) {
        return article.select("h1, .byline, .share, .letter-text, .salutation, .letter-body, .sign-off, .signature, footer, .date")
                .stream().map(element -> element.tagName() + "." + element.className()).toList();
    }

    @Test
    void hostileWordsInEveryFieldAreKeptAsTypedAndSanitisedAsPublishedLettersAre() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "mama");
        String script = "<script>alert('x')</script>";
        String body = script + "\n<img src=x onerror=alert(1)>\n[tap](javascript:alert(1))\n"
                + "<a href=\"javascript:alert(2)\">a</a> '; DROP TABLE draft; -- \u0007\u202Eمرحبا 👶\u0000 end";
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        for (String field : List.of("headline", "standfirst", "salutation", "sign_off")) fields.put(field, script + " " + field + " 👶 \u202Eשלום");
        fields.put("body", body);
        fields.put("topic", "1 OR 1=1");
        assertThat(DraftFlow.autosave(server, asked.id(), fields).statusCode()).isEqualTo(200);

        HttpResponse<String> preview = server.postForm("/desk/drafts/" + asked.id() + "/preview", fields);
        HttpResponse<String> page = server.get("/desk/drafts/" + asked.id());
        for (HttpResponse<String> response : List.of(preview, page)) {
            Document parsed = Jsoup.parse(response.body());
            assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<img");
            assertThat(parsed.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/static/"));
            assertThat(parsed.select("[onerror], img, a[href^=javascript]")).isEmpty();
        }
        Document editor = Jsoup.parse(page.body());
        assertThat(editor.selectFirst("textarea[name=body]").val()).isEqualTo(body.replace("\u0000", ""));
        assertThat(editor.selectFirst("input[name=headline]").val()).isEqualTo(script + " headline 👶 \u202Eשלום");
        assertThat(editor.selectFirst("#preview h1").text()).isEqualTo(script + " headline 👶 \u202Eשלום");
        assertThat(editor.selectFirst("#preview .letter-body").html())
                .isEqualTo(Jsoup.parse(LetterText.html(body.replace("\u0000", ""))).body().html());

        String huge = "Sleep. ".repeat(150_000);
        fields.put("version", "1");
        fields.put("body", huge);
        assertThat(DraftFlow.autosave(server, asked.id(), fields).statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(server.get("/desk/drafts/" + asked.id()).body()).selectFirst("textarea[name=body]").wholeText()).isEqualTo(huge);
        fields.put("version", "zz");
        fields.put("body", "");
        assertThat(DraftFlow.autosave(server, asked.id(), fields).statusCode()).as("a version that is no number is stale").isEqualTo(409);
    }

    @Test
    void aSaveWhoseFormExpiredIsRefusedWithEverythingShesTypedKept() {
        User lina = SignedIn.as(server, Role.ADVISOR);
        DraftFlow.Asked asked = DraftFlow.assignedTo(server, lina, "en", "mama");
        Map<String, String> fields = DraftFlow.form(server, asked.id());
        fields.remove("_csrf");
        fields.put("body", "Every word of this must come back.");
        HttpResponse<String> refused = server.postForm("/desk/drafts/" + asked.id(), fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst(".notice").text()).startsWith("That took too long to send.");
        assertThat(page.selectFirst("textarea[name=body]").val()).isEqualTo("Every word of this must come back.");
        assertThat(DraftFlow.autosave(server, asked.id(), fields).statusCode()).isEqualTo(403);
        assertThat(server.page("/desk/drafts/" + asked.id()).selectFirst("textarea[name=body]").val()).isEmpty();
    }
}
