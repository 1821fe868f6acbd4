package dearly.asking;

import dearly.TestServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A parent filling in the ask form over real HTTP: the hidden fields come from the page itself. */
final class AskFlow {
    private AskFlow() {}

    /** What a browser would send for this form as it stands: hidden fields, typed values, checked boxes. */
    static Map<String, String> fieldsOf(Document page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Element form = page.selectFirst("form.ask");
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "textarea" -> fields.put(name, input.wholeText().startsWith("\n") ? input.wholeText().substring(1) : input.wholeText());
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    fields.put(name, selected == null ? input.select("option").first().val() : selected.val());
                }
                default -> {
                    String type = input.attr("type");
                    if (type.equals("radio") || type.equals("checkbox")) {
                        if (input.hasAttr("checked")) fields.put(name, input.val());
                    } else {
                        fields.put(name, input.val());
                    }
                }
            }
        }
        return fields;
    }

    static Map<String, String> spanishMother(Document form) {
        Map<String, String> fields = fieldsOf(form);
        fields.put("title", "¿Por qué mi bebé llora todas las noches?");
        fields.put("body", "Todas las noches, de seis a nueve, mi hijo llora y nada lo calma. Siento que le estoy fallando. ¿Qué puedo hacer?");
        fields.put("first_name", "Paula");
        fields.put("surname", "Gómez");
        fields.put("age", "35");
        fields.put("city", "Medellín");
        fields.put("country", "Colombia");
        fields.put("role", "mama");
        fields.put("language", "es");
        fields.put("email", "paula.gomez@example.com");
        fields.put("consent", "on");
        fields.put("children[0].name", "Andrés");
        fields.put("children[0].age_months", "5");
        fields.put("children[0].sex", "boy");
        return fields;
    }

    /** Sends the form and follows the redirect to her status page; returns the status path. */
    static String askAndFollow(TestServer server, Map<String, String> fields) {
        HttpResponse<String> response = server.postForm("/ask?lang=es", fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("expected the question to be received, got " + response.statusCode() + "\n" + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceAll("\\?.*", "");
    }
}
