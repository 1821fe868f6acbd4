package dearly.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;

/** A letter's Markdown becomes safe HTML that keeps the advisor's lines. */
class LetterTextTest {

    @Test
    void aLineBreakStaysALineBreakAndABlankLineStartsAParagraph() {
        assertThat(LetterText.html("One\nTwo\n\nThree")).isEqualTo("<p>One<br />\nTwo</p>\n<p>Three</p>\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            <script>alert(1)</script>                 | <script
            <img src=x onerror=alert(1)>              | <img
            [click](javascript:alert(1))              | javascript:
            <a href="https://evil.example">x</a>       | <a href
            ${7*7} {{7*7}} @if(true)                   | NONE
            '; DROP TABLE letter; --                   | NONE
            """)
    void hostileTextIsShownAsTextNeverRun(String markdown, String mustNotContain) {
        String html = LetterText.html(markdown);
        if (!mustNotContain.equals("NONE")) assertThat(html).doesNotContain(mustNotContain);
        assertThat(html).startsWith("<p>");
    }

    @Test
    void controlCharactersEmojiAndRightToLeftTextSurvive() {
        String shown = Jsoup.parse(LetterText.html("Hola 👶🏽 \u202Eمرحبا\u202C\u0007")).text();
        assertThat(shown).contains("Hola 👶🏽").contains("مرحبا").doesNotContain("\u0007");
    }

    @Test
    void linksKeepSafeAddressesAndGainNofollow() {
        assertThat(LetterText.html("[PSI](https://postpartum.net)"))
                .contains("href=\"https://postpartum.net\"").containsPattern("rel=\"(nofollow noopener|noopener nofollow)\"");
    }
}
