package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.language.Language;
import dearly.language.Messages;
import dearly.reference.ApiDocument;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every field the asking API reads or writes is in the OpenAPI document, and every field there is one it reads or writes. */
class QuestionApiDocumentTest {

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

        assertThat(question.asked).isEqualTo(ApiDocument.properties("Question"));
        assertThat(child.asked).isEqualTo(ApiDocument.properties("Child"));
    }

    @Test
    void everyMistakeTheFormNamesHasAnApiWordingInBothLanguages() {
        for (Language language : Language.values()) {
            Set<String> keys = Messages.of(language).keys();
            List<String> formMistakes = keys.stream().filter(key -> key.startsWith("ask.error.")).toList();
            assertThat(formMistakes).isNotEmpty();
            for (String key : formMistakes) {
                assertThat(keys).as(key + " in " + language.code()).contains(key.replaceFirst("^ask\\.error\\.", "api.error."));
            }
        }
    }

    @Test
    void theFieldsTheApiWritesAreTheDocumentedAnswerFields() {
        assertThat(ApiDocument.written(QuestionApi.ReceiptJson.class)).isEqualTo(ApiDocument.properties("Receipt"));
        assertThat(ApiDocument.written(QuestionApi.StatusJson.class)).isEqualTo(ApiDocument.properties("Status"));
        assertThat(ApiDocument.written(QuestionApi.ResourceJson.class)).isEqualTo(ApiDocument.properties("CrisisResource"));
    }

}
