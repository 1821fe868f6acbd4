package dearly.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.storage.TestDatabase;
import dearly.web.RateLimitSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every limit the OpenAPI document states for a question (lengths, ranges, choices, required
 * fields, the number of children) is exactly where the running server draws the line: the value
 * at the limit passes, the one just past it is refused with an error on that field. The cases are
 * made from the document, so a limit changed on one side only fails here.
 */
class DocumentedLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request that differs from a good question in one field, and whether the document allows it. */
    record Case(String field, String what, boolean allowed, Consumer<ObjectNode> change) {}

    static List<TestDatabase.Kind> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachDocumentedLimitIsWhereTheServerDrawsTheLine(TestDatabase.Kind kind) throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        try (TestServer server = TestServer.start(kind, false, config -> config.withRateLimits(RateLimitSettings.off()))) {
            for (Case each : cases) {
                ObjectNode question = AskFlow.questionWithEveryField();
                each.change().accept(question);
                assertThat(ApiDocument.problems("Question", question.toString()).isEmpty())
                        .as("the document itself on " + each.field() + " " + each.what()).isEqualTo(each.allowed());
                var response = server.postJson("/api/v1/questions", question.toString());
                JsonNode errors = JSON.readTree(response.body()).path("errors");
                boolean refused = errors.has(each.field());
                if (refused == each.allowed()) {
                    wrong.add(each.field() + " " + each.what() + ": document " + (each.allowed() ? "allows" : "refuses")
                            + ", server answered " + response.statusCode() + " " + errors);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        JsonNode question = ApiDocument.tree().at("/components/schemas/Question");
        for (Map.Entry<String, JsonNode> property : question.path("properties").properties()) {
            String name = property.getKey();
            if (name.equals("children")) continue;
            limits(cases, name, property.getValue(), (node, value) -> node.set(name, value));
        }
        for (JsonNode required : question.path("required")) {
            cases.add(new Case(required.asText(), "left out", false, node -> node.remove(required.asText())));
        }
        for (Map.Entry<String, JsonNode> property : ApiDocument.tree().at("/components/schemas/Child/properties").properties()) {
            String name = property.getKey();
            limits(cases, "children[0]." + name, property.getValue(), (node, value) -> {
                ObjectNode child = (ObjectNode) node.withArray("children").get(0);
                if (name.equals("birth_date")) child.remove("age_months");
                child.set(name, value);
            });
        }
        int most = question.at("/properties/children/maxItems").asInt();
        cases.add(new Case("children", most + " children", true, node -> children(node, most)));
        cases.add(new Case("children", (most + 1) + " children", false, node -> children(node, most + 1)));
        return cases;
    }

    private interface Setter {
        void set(ObjectNode question, JsonNode value);
    }

    private static void limits(List<Case> cases, String field, JsonNode schema, Setter setter) {
        if (schema.has("maxLength")) {
            int most = schema.get("maxLength").asInt();
            cases.add(new Case(field, most + " characters", true, node -> setter.set(node, text(field, most))));
            cases.add(new Case(field, (most + 1) + " characters", false, node -> setter.set(node, text(field, most + 1))));
        }
        if (schema.path("minLength").asInt() > 1) {
            int least = schema.get("minLength").asInt();
            cases.add(new Case(field, least + " characters", true, node -> setter.set(node, text(field, least))));
            cases.add(new Case(field, (least - 1) + " characters", false, node -> setter.set(node, text(field, least - 1))));
        }
        if (schema.has("minimum")) {
            int least = schema.get("minimum").asInt();
            cases.add(new Case(field, "= " + least, true, node -> setter.set(node, JSON.getNodeFactory().numberNode(least))));
            cases.add(new Case(field, "= " + (least - 1), false, node -> setter.set(node, JSON.getNodeFactory().numberNode(least - 1))));
        }
        if (schema.has("maximum")) {
            int most = schema.get("maximum").asInt();
            cases.add(new Case(field, "= " + most, true, node -> setter.set(node, JSON.getNodeFactory().numberNode(most))));
            cases.add(new Case(field, "= " + (most + 1), false, node -> setter.set(node, JSON.getNodeFactory().numberNode(most + 1))));
        }
        for (JsonNode value : schema.path("enum")) {
            cases.add(new Case(field, "= " + value, true, node -> setter.set(node, value)));
        }
        if (schema.has("enum")) {
            cases.add(new Case(field, "not one of the values", false, node -> setter.set(node, JSON.getNodeFactory().textNode("other"))));
        }
        if (schema.has("const")) {
            cases.add(new Case(field, "= " + schema.get("const"), true, node -> setter.set(node, schema.get("const"))));
            cases.add(new Case(field, "= false", false, node -> setter.set(node, JSON.getNodeFactory().booleanNode(false))));
        }
        if (schema.path("format").asText().equals("date")) {
            cases.add(new Case(field, "a real date", true, node -> setter.set(node, JSON.getNodeFactory().textNode("2025-02-28"))));
            cases.add(new Case(field, "not a date", false, node -> setter.set(node, JSON.getNodeFactory().textNode("2025-02-30"))));
        }
    }

    /** A value of exactly this many characters that is otherwise right for the field. */
    private static JsonNode text(String field, int length) {
        if (field.equals("email")) {
            String local = "a".repeat(64) + "@";
            String domain = "b".repeat(63) + "." + "c".repeat(63) + ".";
            return JSON.getNodeFactory().textNode(local + domain + "d".repeat(length - local.length() - domain.length() - 4) + ".com");
        }
        return JSON.getNodeFactory().textNode("x".repeat(length));
    }

    private static void children(ObjectNode question, int count) {
        ArrayNode children = question.putArray("children");
        for (int i = 0; i < count; i++) children.addObject().put("age_months", 1);
    }
}
