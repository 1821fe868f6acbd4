package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.reference.ApiDocument;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every field the asking API reads or writes is in the OpenAPI document, and every field there is one it reads or writes. */
class QuestionApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON object that notes each field the code asks it for. */
    private static final class Reading extends ObjectNode {
        final Set<String> asked = new TreeSet<>();

        Reading() {
            super(JsonNodeFactory.instance);
        }

        @Override
        public JsonNode path(String field) {
            asked.add(field);
            return super.path(field);
        }

        @Override
        public JsonNode get(String field) {
            asked.add(field);
            return super.get(field);
        }
    }

    @Test
    void theFieldsTheApiReadsAreTheDocumentedQuestionAndChildFields() {
        Reading question = new Reading();
        Reading child = new Reading();
        question.putArray("children").add(child);

        QuestionApi.form(question);

        assertThat(question.asked).isEqualTo(new TreeSet<>(ApiDocument.properties("Question")));
        assertThat(child.asked).isEqualTo(new TreeSet<>(ApiDocument.properties("Child")));
    }

    @Test
    void theFieldsTheApiWritesAreTheDocumentedAnswerFields() {
        assertThat(written(QuestionApi.ReceiptJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("Receipt")));
        assertThat(written(QuestionApi.StatusJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("Status")));
        assertThat(written(QuestionApi.ResourceJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("CrisisResource")));
    }

    static Set<String> written(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties()) {
            names.add(property.getName());
        }
        return names;
    }
}
