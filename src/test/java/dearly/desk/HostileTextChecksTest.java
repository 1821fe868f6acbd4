package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dearly.desk.Finding.Check;
import dearly.desk.Finding.Field;
import dearly.language.Language;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever an advisor pastes into a letter, the checks read it to the end and still find her surname. */
class HostileTextChecksTest {

    static Stream<Arguments> hostile() {
        String huge = "Respira, mamá. Duerme cuando puedas. ".repeat(3_000);
        return Stream.of(
                Arguments.of("html", "<script>alert('Sofia')</script><b onclick=x>Restrepo</b> <img src=x onerror=alert(1)>"),
                Arguments.of("markdown", "**Restrepo** [link](mailto:x@y.z) `code` > quote\n# Heading\n- list"),
                Arguments.of("emoji", "👶🏽💔 Restrepo 🫶 👩‍👩‍👧 🇨🇴"),
                Arguments.of("right to left", "\u202Eمرحبا Restrepo \u202Cשלום \u200F"),
                Arguments.of("control characters", "\u0000\u0007\u001B[31m Restrepo\r\n\t\u0085\u2028\u2029\uFEFF"),
                Arguments.of("lone surrogates", "\uD800 Restrepo \uDC00"),
                Arguments.of("sql", "'; DROP TABLE question; -- Restrepo ${7*7} %s {0}"),
                Arguments.of("huge", huge + " Restrepo " + huge),
                Arguments.of("one endless word", "Restrepo " + "a".repeat(200_000)),
                Arguments.of("one endless sentence", "Restrepo " + "Sofía y ".repeat(20_000)),
                Arguments.of("only punctuation", "Restrepo " + "...!!!???---".repeat(10_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileTextIsCheckedAndHerSurnameStillFound(String what, String body) {
        PublicText text = new PublicText(Language.ES, body, body, "Querida mamá:", body, "Con cariño,", body);

        List<Finding> findings = FirstLetterChecksTest.CHECKS.check(text, PublishChecksTest.ANA);

        assertThat(findings).extracting(Finding::check, Finding::field)
                .contains(tuple(Check.SURNAME, Field.HEADLINE), tuple(Check.SURNAME, Field.BODY), tuple(Check.SURNAME, Field.QUESTION));
        findings.forEach(finding -> assertThat(finding.message(Language.EN)).isNotBlank());
    }
}
