package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.RunningDearly;
import dearly.TestServer;
import dearly.language.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which letters come first for a parent's own words: the more of her words a letter has, the higher; no word she typed is turned into another. */
class SearchRankingTest {
    @RegisterExtension
    static final RunningDearly DEARLY = RunningDearly.server();
    private static TestServer server;

    private static final String MOTHER_IN_LAW = "My mother-in-law criticises everything I do";
    private static final String PARENTING_GRANDPARENTS = "Parenting with grandparents next door";
    private static final String CONTACT_NAPS = "Contact naps: why she only sleeps in my arms";
    private static final String TALK = "We barely talk since the baby came";
    private static final String TWINS_PRAM = "Twins: which pram?";
    private static final String TWINS_NIGHT = "Two babies and only two hands";

    @BeforeAll
    static void publish() {
        SearchFlow.publish(server, Language.EN, MOTHER_IN_LAW, "A mother is tired of unsolicited advice.",
                "Advice from grandparents often comes from love and a different era. You can thank her and do it your way.",
                "family");
        SearchFlow.publish(server, Language.EN, PARENTING_GRANDPARENTS, "A family shares a garden with his parents.",
                "Parenting next to grandparents can be a gift: agree on a few house rules.", "family");
        SearchFlow.publish(server, Language.EN, CONTACT_NAPS, "Her daughter naps only on her.",
                "A baby who sleeps only on you is not broken. Try one nap a day in the cot.", "sleep");
        SearchFlow.publish(server, Language.EN, TALK, "A couple who used to talk for hours now only trade logistics.",
                "Ten minutes a night, phones away, no baby talk allowed, is a start.", "couples");
        SearchFlow.publish(server, Language.EN, TWINS_PRAM, "A father compares double buggies.",
                "Side by side fits through fewer doors; tandem is heavier to push.", "gear");
        SearchFlow.publish(server, Language.EN, TWINS_NIGHT, "A mother of twins is up feeding both all night.",
                "Feed them together at night when you can, and accept every offer of help.", "feeding");
        SearchFlow.until(server, "pram", page -> page.select("ol.results h2").eachText().contains(TWINS_PRAM));
    }

    /** Once her words were half required, a letter with one of them was left out as soon as another had two. */
    @Test
    void aLetterWithFewerOfHerWordsIsStillFound() {
        assertThat(SearchFlow.found(server, "grandparents undermining my parenting"))
                .startsWith(PARENTING_GRANDPARENTS).contains(MOTHER_IN_LAW);
    }

    /** Her word in a headline does not outweigh a letter with more of her words. */
    @Test
    void theLetterWithMoreOfHerWordsComesFirst() {
        assertThat(SearchFlow.found(server, "feeding twins at night")).first().isEqualTo(TWINS_NIGHT);
    }

    /** "connect" is no typo of "contact", nor "dont" of "down": a short word is corrected by one letter at most. */
    @Test
    void aRealWordTheLettersDoNotUseIsNotTurnedIntoAnother() {
        assertThat(SearchFlow.found(server, "we dont connect anymore, we never talk")).first().isEqualTo(TALK);
        assertThat(SearchFlow.found(server, "we dont connect anymore, we never talk")).doesNotContain(CONTACT_NAPS);
        assertThat(SearchFlow.api(server, "q=" + SearchFlow.query("connect")).path("did_you_mean").isNull()).isTrue();
    }
}
