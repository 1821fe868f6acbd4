package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Why do I miss my partner even when we’re in the same room? | why-do-i-miss-my-partner-even-when-were-in-the-same-room
            ¿Por qué mi bebé no duerme?                                | por-que-mi-bebe-no-duerme
            Lina P.                                                    | lina-p
            <script>alert(1)</script>                                  | script-alert-1-script
            👶👶                                                        | letter
            """)
    void slugsAreReadableAscii(String text, String slug) {
        assertThat(Slugs.of(text)).isEqualTo(slug);
    }
}
