package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.reference.ApiDocument;
import org.junit.jupiter.api.Test;

/** Every field the letters API writes is in the OpenAPI document, and the reverse. */
class LetterApiDocumentTest {

    @Test
    void theFieldsTheApiWritesAreTheDocumentedLetterFields() {
        assertThat(ApiDocument.written(LetterApi.LetterJson.class)).isEqualTo(ApiDocument.properties("Letter"));
        assertThat(ApiDocument.written(LetterApi.AdvisorJson.class)).isEqualTo(ApiDocument.properties("Advisor"));
        assertThat(ApiDocument.written(LetterApi.TopicJson.class)).isEqualTo(ApiDocument.properties("Topic"));
    }
}
