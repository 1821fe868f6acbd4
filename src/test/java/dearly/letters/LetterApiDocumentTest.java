package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dearly.reference.ApiDocument;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every field the letters API writes is in the OpenAPI document, and the reverse. */
class LetterApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFieldsTheApiWritesAreTheDocumentedLetterFields() {
        assertThat(written(LetterApi.LetterJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("Letter")));
        assertThat(written(LetterApi.AdvisorJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("Advisor")));
        assertThat(written(LetterApi.TopicJson.class)).isEqualTo(new TreeSet<>(ApiDocument.properties("Topic")));
    }

    private static Set<String> written(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (BeanPropertyDefinition property : JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties()) {
            names.add(property.getName());
        }
        return names;
    }
}
