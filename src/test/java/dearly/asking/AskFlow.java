package dearly.asking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.TestServer;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A parent asking over real HTTP, for any test that needs a question: through the API
 * ({@link #question()}, {@link #ask}), or filling in the ask form, whose hidden fields come from the
 * page itself ({@link #fieldsOf}, {@link #spanishMother}, {@link #askAndFollow}).
 */
public final class AskFlow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AskFlow() {}

    /** A question as the API takes it: Maria, in English, about her daughter's naps. A test changes what it is about. */
    public static ObjectNode question() {
        ObjectNode question = JSON.createObjectNode()
                .put("title", "How do I get my baby to nap?")
                .put("body", "My daughter is four months old and only naps in my arms for twenty minutes at a time. I am so tired.")
                .put("first_name", "Maria")
                .put("surname", "Lopez")
                .put("age", 29)
                .put("city", "Austin")
                .put("country", "US")
                .put("role", "mama")
                .put("language", "en")
                .put("email", "maria@example.com")
                .put("consent", true);
        question.putArray("children").addObject().put("name", "Sofia").put("age_months", 4).put("sex", "girl");
        return question;
    }

    /** {@link #question()} with every field the API takes filled in: a pseudonym for her, and her baby is a twin. */
    public static ObjectNode questionWithEveryField() {
        ObjectNode question = question().put("pseudonym", "Sofia");
        ((ObjectNode) question.get("children").get(0)).put("multiple", "twins");
        return question;
    }

    /** Sends the question to the API and returns the receipt, read with Jackson; fails unless it was received (201). */
    public static JsonNode ask(TestServer server, ObjectNode question) {
        HttpResponse<String> response = server.postJson("/api/v1/questions", question.toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("expected the question to be received, got " + response.statusCode() + "\n" + response.body());
        }
        return json(response.body());
    }

    /** Reads an answer's JSON, as any client would. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a browser would send for this form as it stands: hidden fields, typed values, checked boxes. */
    public static Map<String, String> fieldsOf(Document page) {
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

    public static Map<String, String> spanishMother(Document form) {
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
    public static String askAndFollow(TestServer server, Map<String, String> fields) {
        // The form at the address of her question's language, as she would have found it.
        HttpResponse<String> response = server.postForm("es".equals(fields.get("language")) ? "/es/ask" : "/ask", fields);
        if (response.statusCode() != 303) {
            throw new AssertionError("expected the question to be received, got " + response.statusCode() + "\n" + response.body());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.replaceAll("\\?.*", "");
    }
}
