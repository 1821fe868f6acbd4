package dearly.asking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the crisis help in an API answer as a client shows it. */
final class CrisisHelpJson {
    private CrisisHelpJson() {}

    /** The numbers to call, in order; a directory with a web page alone has none. */
    static List<String> phones(JsonNode answer) {
        return given(answer, "phone");
    }

    /** The web pages, in order, of the resources that have one. */
    static List<String> urls(JsonNode answer) {
        return given(answer, "url");
    }

    private static List<String> given(JsonNode answer, String field) {
        List<String> values = new ArrayList<>();
        answer.get("crisis_resources").forEach(resource -> {
            if (resource.hasNonNull(field)) values.add(resource.get(field).asText());
        });
        return values;
    }

    /** Each resource's kind, in order. */
    static List<String> kinds(JsonNode answer) {
        return answer.get("crisis_resources").findValuesAsText("kind");
    }
}
