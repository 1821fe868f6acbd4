package dearly.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.SignedIn;
import dearly.TestServer;
import dearly.accounts.Role;
import dearly.crisis.CrisisDirectory;
import dearly.crisis.CrisisResource;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An admin keeps the crisis directory over real HTTP, without JavaScript, and parents see her changes at once. */
class CrisisAdminPagesTest {
    /** A country the ask form offers and the bundle lists nothing for (see no_emergency_number in crisis-resources.json). */
    private static final String UNLISTED = "GQ";
    private static final String SOURCE = "https://www.gob.pe/minsa";

    @RegisterExtension
    final RunningDearly dearly = RunningDearly.server();
    private TestServer server; // started and stopped by dearly
    private CrisisDirectory directory;

    @BeforeEach
    void signedInAsAdmin() {
        directory = new CrisisDirectory(server.server().database());
        SignedIn.as(server, Role.ADMIN);
    }

    @Test
    void addingAResourceForACountryWithoutOneShowsItOnTheAdminPageAndToAParentThere() {
        Document page = server.page("/admin/crisis");
        assertThat(page.select("#country-GQ")).isEmpty();
        assertThat(page.selectFirst(".without-emergency").text()).contains("Equatorial Guinea (GQ)").contains("Antarctica (AQ)")
                .doesNotContain("Kenya");
        FormFields form = addForm(page).set("country", "gq").set("name", "Línea 113, opción 5 (salud mental)").set("phone", "113")
                .set("url", "https://www.gob.pe/minsa").set("kind", "crisis").set("languages", "es").set("source", SOURCE);

        HttpResponse<String> added = server.postForm("/admin/crisis", form);

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).startsWith("/admin/crisis?added#resource-");
        Document after = server.page("/admin/crisis?added");
        assertThat(after.selectFirst(".notice").text()).startsWith("Added.");
        Element guinea = after.selectFirst("#country-GQ");
        assertThat(guinea.selectFirst("h2").text()).isEqualTo("Equatorial Guinea (GQ)");
        assertThat(guinea.select(".resource .name").eachText()).containsExactly("Línea 113, opción 5 (salud mental)");
        assertThat(guinea.selectFirst(".resource .phone").text()).isEqualTo("113");
        assertThat(guinea.selectFirst(".resource .kind").text()).isEqualTo("Suicide and crisis line");
        assertThat(guinea.selectFirst(".resource .source a").attr("href")).isEqualTo(SOURCE);
        assertThat(directory.forCountry(UNLISTED)).containsExactly(new CrisisResource(UNLISTED, "Línea 113, opción 5 (salud mental)",
                "113", "https://www.gob.pe/minsa", Kind.CRISIS, List.of(Language.ES), SOURCE));

        // What a mother there whose words show signs of crisis reads at once, even before her form is complete.
        Document help = helpWhileTyping("Guinea Ecuatorial",
                "Quiero morirme, no puedo más con el bebé y nadie me ayuda en casa por las noches.");
        assertThat(help.select(".crisis .resources li strong").eachText())
                .containsExactly("Línea 113, opción 5 (salud mental)", "Find A Helpline: líneas de ayuda gratuitas y confidenciales en tu país, por tema");
        assertThat(help.select(".crisis a.phone").eachAttr("href")).containsExactly("tel:113");
    }

    @Test
    void whatAnAdminSaysALineIsForDecidesWhichDangersShowIt() {
        Document page = server.page("/admin/crisis");
        assertThat(addForm(page).all("kind")).isEmpty();
        assertThat(page.select("section.add input[name=kind]").eachAttr("value"))
                .containsExactly("emergency", "crisis", "perinatal", "violence", "directory");
        FormFields form = addForm(page).set("country", UNLISTED).set("name", "Línea de la mujer").set("phone", "1455")
                .set("kind", "violence").set("languages", "es").set("source", SOURCE);
        assertThat(server.postForm("/admin/crisis", form).statusCode()).isEqualTo(303);
        String violence = "Mi marido no me deja salir de casa ni ver a mi familia y me quita el dinero.";
        String selfHarm = "Quiero morirme, no puedo más con el bebé y nadie me ayuda en casa por las noches.";

        assertThat(helpWhileTyping("Guinea Ecuatorial", violence).select(".crisis .resources li strong").eachText())
                .containsExactly("Línea de la mujer", "Find A Helpline: líneas de ayuda gratuitas y confidenciales en tu país, por tema");
        assertThat(helpWhileTyping("Guinea Ecuatorial", selfHarm).select(".crisis .resources li strong").eachText())
                .containsExactly("Find A Helpline: líneas de ayuda gratuitas y confidenciales en tu país, por tema");

        // Said to be for suicide and crisis instead, it moves from the one danger to the other.
        Element line = resourceNamed(server.page("/admin/crisis"), "Línea de la mujer");
        String editPath = line.selectFirst("a[href^=/admin/crisis/]").attr("href");
        FormFields edit = FormFields.of(server.page(editPath).selectFirst("form.resource"));
        assertThat(edit.get("kind")).isEqualTo("violence");
        assertThat(server.postForm(editPath, edit.set("kind", "crisis")).statusCode()).isEqualTo(303);
        assertThat(directory.forCountry(UNLISTED)).extracting(CrisisResource::kind).containsExactly(Kind.CRISIS);
        assertThat(helpWhileTyping("Guinea Ecuatorial", violence).select(".crisis .resources li strong").eachText())
                .doesNotContain("Línea de la mujer");
        assertThat(helpWhileTyping("Guinea Ecuatorial", selfHarm).select(".crisis .resources li strong").eachText())
                .startsWith("Línea de la mujer");
    }

    @Test
    void theDirectoryForEveryCountryIsListedAndEditedLikeAnyOther() {
        Element every = server.page("/admin/crisis").selectFirst("#country-ZZ");
        assertThat(every.selectFirst("h2").text()).isEqualTo("Every country (ZZ)");
        assertThat(every.select(".resource .name").eachText())
                .containsExactly("Find A Helpline: free, confidential helplines in your country, by topic");
        assertThat(every.select(".resource .phone")).isEmpty();
        String editPath = every.selectFirst("a[href^=/admin/crisis/]").attr("href");
        FormFields form = FormFields.of(server.page(editPath).selectFirst("form.resource"));
        assertThat(form.get("phone")).isEmpty();
        assertThat(form.get("kind")).isEqualTo("directory");

        HttpResponse<String> asALine = server.postForm(editPath, form.set("kind", "crisis"));
        assertThat(asALine.statusCode()).as("a line is reached by phone").isEqualTo(422);
        assertThat(errorBeside(Jsoup.parse(asALine.body()), "phone"))
                .isEqualTo("Enter the phone number (only a directory of helplines may give its web page alone).");
        assertThat(server.postForm(editPath, form.set("kind", "directory").set("name", "Find A Helpline")).statusCode()).isEqualTo(303);
        assertThat(directory.forCountryAndKinds("KE", java.util.Set.of(Kind.VIOLENCE))).extracting(CrisisResource::name)
                .last().isEqualTo("Find A Helpline");
    }

    @Test
    void editingColombiasHelplineNumberChangesWhatParentsSee() {
        Element linea106 = resourceNamed(server.page("/admin/crisis"), "Línea 106 (Bogotá, salud mental)");
        String editPath = linea106.selectFirst("a[href^=/admin/crisis/]").attr("href");
        Document edit = server.page(editPath);
        assertThat(edit.selectFirst("h1").text()).isEqualTo("Edit a crisis resource");
        assertThat(edit.text()).contains("Never invent a number: copy it from the service's own page or a government page");
        FormFields form = FormFields.of(edit.selectFirst("form.resource"));
        assertThat(form.get("phone")).isEqualTo("106");
        assertThat(form.get("country")).isEqualTo("CO");
        assertThat(form.all("languages")).containsExactly("es");
        assertThat(form.get("kind")).isEqualTo("crisis");
        assertThat(form.get("source")).isEqualTo("https://www.saludcapital.gov.co/");

        HttpResponse<String> saved = server.postForm(action(edit.selectFirst("form.resource")), form.set("phone", "(601) 106 0000"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(601) 106 0000", "(604) 444 4448", "155");
        assertThat(resourceNamed(server.page("/admin/crisis"), "Línea 106 (Bogotá, salud mental)").selectFirst(".phone").text())
                .isEqualTo("(601) 106 0000");
    }

    @Test
    void bothLanguagesTickedAreKeptWhenEditing() {
        Element lifeline = resourceNamed(server.page("/admin/crisis"), "988 Suicide & Crisis Lifeline (call or text)");
        String editPath = lifeline.selectFirst("a[href^=/admin/crisis/]").attr("href");
        FormFields form = FormFields.of(server.page(editPath).selectFirst("form.resource"));
        assertThat(form.all("languages")).containsExactly("en", "es");

        assertThat(server.postForm(editPath, form.set("name", "988 Lifeline")).statusCode()).isEqualTo(303);
        assertThat(directory.forCountry("US").get(1).languages()).containsExactly(Language.EN, Language.ES);
        assertThat(directory.forCountry("US").get(1).name()).isEqualTo("988 Lifeline");
    }

    @Test
    void deletingAResourceTakesItAwayFromParents() {
        Element samaritans = resourceNamed(server.page("/admin/crisis"), "Samaritans (24/7)");
        assertThat(samaritans.select("form[action*=/delete]")).as("no delete button a slipped tap could reach").isEmpty();
        Element delete = server.page(samaritans.selectFirst("a[href^=/admin/crisis/]").attr("href"))
                .selectFirst("form[action*=/delete]");
        HttpResponse<String> deleted = server.postForm(action(delete), FormFields.of(delete));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(directory.forCountry("GB")).extracting(CrisisResource::phone).containsExactly("999", "0808 2000 247");
        Document after = server.page("/admin/crisis?deleted");
        assertThat(after.select("#country-GB .resource .name").eachText())
                .containsExactly("Emergency", "National Domestic Abuse Helpline (24/7)");
        assertThat(after.selectFirst(".notice").text()).isEqualTo("Deleted.");
    }

    @Test
    void movingUpAndDownChangesTheOrderParentsSee() {
        Document page = server.page("/admin/crisis");
        Element colombia = page.selectFirst("#country-CO");
        assertThat(colombia.select(".resource").first().select("form[action*=/move]")).hasSize(1);
        assertThat(colombia.select(".resource").last().select("form[action*=/move]")).hasSize(1);

        Element amiga = resourceNamed(page, "Línea Amiga Saludable (Medellín)");
        Element up = amiga.select("form[action*=/move]").stream()
                .filter(form -> form.selectFirst("input[name=delta]").val().equals("-1")).findFirst().orElseThrow();
        assertThat(server.postForm(action(up), FormFields.of(up)).statusCode()).isEqualTo(303);
        assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "(604) 444 4448", "106", "155");

        Element emergency = resourceNamed(server.page("/admin/crisis"), "Línea de emergencias");
        Element down = emergency.selectFirst("form[action*=/move]");
        assertThat(down.selectFirst("input[name=delta]").val()).isEqualTo("1");
        server.postForm(action(down), FormFields.of(down));
        assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("(604) 444 4448", "123", "106", "155");
        assertThat(server.page("/admin/crisis").select("#country-CO .resource .phone").eachText())
                .containsExactly("(604) 444 4448", "123", "106", "155");
    }

    @Test
    void aMoveOtherThanOnePlaceUpOrDownIsRefused() {
        Element amiga = resourceNamed(server.page("/admin/crisis"), "Línea Amiga Saludable (Medellín)");
        Element up = amiga.selectFirst("form[action*=/move]");
        assertThat(server.postForm(action(up), FormFields.of(up).set("delta", "-100")).statusCode()).isEqualTo(400);
        assertThat(server.postForm(action(up), FormFields.of(up).set("delta", "up; DROP TABLE crisis_resource")).statusCode())
                .isEqualTo(400);
        assertThat(directory.forCountry("CO")).extracting(CrisisResource::phone).containsExactly("123", "106", "(604) 444 4448", "155");
    }

    @Test
    void mistakesAreShownBesideTheirFieldsWithEverythingTypedKept() {
        FormFields form = addForm(server.page("/admin/crisis")).set("country", "Peru").set("name", "Línea\u0007113")
                .set("phone", "call us").set("url", "javascript:alert(1)").set("kind", "other").set("languages");

        HttpResponse<String> response = server.postForm("/admin/crisis", form);

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(errorBeside(page, "country")).isEqualTo("No country has this code. Use its two-letter ISO 3166 code, such as PE for Peru.");
        assertThat(errorBeside(page, "name")).isEqualTo("The name holds invisible characters such as a line break: type it again on one line.");
        assertThat(errorBeside(page, "phone"))
                .isEqualTo("A number holds at least one digit, and only digits, spaces, + ( ) - . / * # and letters.");
        assertThat(errorBeside(page, "url"))
                .isEqualTo("Enter the page's full address, starting with https:// or http://, or leave it empty.");
        assertThat(page.selectFirst("#f-kind .error").text())
                .isEqualTo("Choose what it is for: the emergency number, a kind of line, or a directory of helplines.");
        assertThat(page.selectFirst("#f-languages .error")).as("answering only in other languages is an answer").isNull();
        assertThat(errorBeside(page, "source")).isEqualTo("Enter the page you copied the number from.");
        assertThat(page.selectFirst(".error-summary h2").text()).isEqualTo("6 things to fix");
        assertThat(page.selectFirst("#f-phone").attr("aria-describedby")).contains("f-phone-error");

        FormFields kept = FormFields.of(page.selectFirst("form.resource"));
        assertThat(kept.get("country")).isEqualTo("Peru");
        assertThat(kept.get("name")).isEqualTo("Línea\u0007113");
        assertThat(kept.get("phone")).isEqualTo("call us");
        assertThat(kept.get("url")).isEqualTo("javascript:alert(1)");
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(directory.forCountry(UNLISTED)).isEmpty();

        kept.set("country", UNLISTED).set("name", "Línea 113").set("phone", "113").set("url", "").set("kind", "crisis")
                .set("languages").set("source", SOURCE);
        assertThat(server.postForm("/admin/crisis", kept).statusCode()).isEqualTo(303);
        assertThat(directory.forCountry(UNLISTED)).extracting(CrisisResource::phone).containsExactly("113");
        assertThat(directory.forCountry(UNLISTED).getFirst().languages()).isEmpty();
        assertThat(resourceNamed(server.page("/admin/crisis"), "Línea 113").selectFirst(".hint").text())
                .contains("answers in other languages only");
    }

    @Test
    void aSpanishSpeakingAdminIsToldHerMistakesInSpanish() {
        Document page = server.page("/es/admin/crisis");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(page.text()).contains("Nunca inventes un número: cópialo de la página del propio servicio o de una página del gobierno");
        HttpResponse<String> response = server.postForm(action(page.selectFirst("section.add form")), addForm(page));
        Document refused = Jsoup.parse(response.body());
        assertThat(errorBeside(refused, "phone"))
                .isEqualTo("Escribe el número de teléfono (solo un directorio de líneas de ayuda puede dar solo su página web).");
        assertThat(refused.selectFirst(".error-summary h2").text()).isEqualTo("Hay 5 cosas que revisar");
    }

    @Test
    void hostileTextIsStoredAsTypedAndShownAsText() {
        String name = "<script>alert('x')</script> '; DROP TABLE crisis_resource; -- \u202Eمرحبا\u202C 👶🏽 ${7*7} @if(true)";
        String url = "https://www.gob.pe/?q=%3Cscript%3E&x=\"'";
        FormFields form = addForm(server.page("/admin/crisis")).set("country", UNLISTED).set("name", name).set("phone", "1-800-PPD-MOMS")
                .set("url", "https://www.gob.pe/?q=%3Cscript%3E").set("kind", "emergency").set("languages", "en", "es")
                .set("source", "https://www.gob.pe/?q=%3Cscript%3E");
        assertThat(server.postForm("/admin/crisis", form).statusCode()).isEqualTo(303);

        HttpResponse<String> response = server.get("/admin/crisis");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#country-GQ .name").text()).isEqualTo(name);
        assertThat(page.selectFirst("#country-GQ .hint").text()).contains("English, Spanish");
        assertThat(response.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
        assertThat(directory.forCountry(UNLISTED).getFirst().name()).isEqualTo(name);
        assertThat(directory.forCountry(UNLISTED).getFirst().url()).isEqualTo("https://www.gob.pe/?q=%3Cscript%3E");

        // The same text in a form with a mistake comes back as typed, as a value, never as markup.
        form.set("name", name).set("url", url);
        Document refused = Jsoup.parse(server.postForm("/admin/crisis", form).body());
        assertThat(FormFields.of(refused.selectFirst("form.resource")).get("name")).isEqualTo(name);
        assertThat(FormFields.of(refused.selectFirst("form.resource")).get("url")).isEqualTo(url);
        assertThat(refused.select("form.resource script")).isEmpty();
    }

    @Test
    void theTextForImmediateDangerIsEditedAndNeverLeftEmpty() {
        Document page = server.page("/admin/crisis");
        Element spanish = page.selectFirst("form#fallback-es");
        assertThat(spanish.selectFirst("textarea").text()).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");

        HttpResponse<String> emptied = server.postForm(action(spanish), FormFields.of(spanish).set("message", "  "));
        assertThat(emptied.statusCode()).isEqualTo(422);
        Element refused = Jsoup.parse(emptied.body()).selectFirst("form#fallback-es");
        assertThat(refused.selectFirst(".error").text())
                .isEqualTo("Never leave this empty: a parent in danger must always be told what to do.");
        assertThat(directory.fallback(Language.ES)).isEqualTo("Si estás en peligro ahora, llama al número de emergencias de tu país.");

        String text = "Si estás en peligro ahora, llama al 105 (Policía) o al 106 (SAMU).\nNo estás sola.";
        HttpResponse<String> saved = server.postForm(action(spanish), FormFields.of(spanish).set("message", text.replace("\n", "\r\n")));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(directory.fallback(Language.ES)).isEqualTo(text);
        assertThat(directory.fallback(Language.EN)).isEqualTo("If you are in danger now, call your local emergency number.");
        assertThat(server.page("/admin/crisis?fallback").selectFirst("form#fallback-es textarea").wholeText()).isEqualTo(text);
    }

    @Test
    void anExpiredFormKeepsWhatWasTypedAndAButtonWithoutATokenChangesNothing() {
        FormFields form = addForm(server.page("/admin/crisis")).set("country", UNLISTED).set("name", "Línea 113").set("phone", "113")
                .set("kind", "crisis").set("languages", "es").set("source", SOURCE).set("_csrf", "forged");
        HttpResponse<String> response = server.postForm("/admin/crisis", form);
        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("section.add .notice").text()).startsWith("This page was open a long time");
        assertThat(FormFields.of(page.selectFirst("form.resource")).get("name")).isEqualTo("Línea 113");
        assertThat(directory.forCountry(UNLISTED)).isEmpty();

        Element samaritans = resourceNamed(server.page("/admin/crisis"), "Samaritans (24/7)");
        Element delete = server.page(samaritans.selectFirst("a[href^=/admin/crisis/]").attr("href"))
                .selectFirst("form[action*=/delete]");
        assertThat(server.postForm(action(delete), FormFields.of(delete).set("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(directory.forCountry("GB")).hasSize(3);
    }

    @Test
    void aResourceThatIsGoneIsNotFound() {
        assertThat(server.get("/admin/crisis/999999").statusCode()).isEqualTo(404);
        assertThat(server.get("/admin/crisis/not-a-number").statusCode()).isEqualTo(404);
        FormFields form = addForm(server.page("/admin/crisis")).set("country", UNLISTED).set("name", "Línea 113").set("phone", "113")
                .set("kind", "crisis").set("languages", "es").set("source", SOURCE);
        assertThat(server.postForm("/admin/crisis/999999", form).statusCode()).isEqualTo(404);
        assertThat(directory.forCountry(UNLISTED)).isEmpty();
    }

    /** The ask form sent back with a field still to fix, as a Spanish-speaking mother in that country sees it while typing. */
    private Document helpWhileTyping(String country, String body) {
        String askToken = server.page("/es/ask").selectFirst("form.ask input[name=_csrf]").val();
        return Jsoup.parse(server.postForm("/es/ask", Map.of("_csrf", askToken, "language", "es", "country", country,
                "title", "Una pregunta", "body", body)).body());
    }

    /** Where a form is sent; the part after # only tells the browser where to scroll. */
    private static String action(Element form) {
        return form.attr("action").replaceFirst("#.*", "");
    }

    private static FormFields addForm(Document page) {
        return FormFields.of(page.selectFirst("section.add form.resource"));
    }

    private static Element resourceNamed(Document page, String name) {
        return page.select(".resource").stream()
                .filter(resource -> resource.selectFirst(".name").text().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no resource named " + name));
    }

    private static String errorBeside(Document page, String field) {
        Element error = page.selectFirst("#f-" + field).parent().selectFirst(".error");
        return error == null ? "" : error.text();
    }
}
