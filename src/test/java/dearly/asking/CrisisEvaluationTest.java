package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The held-out evaluation set ({@code bench/crisis/evaluation.jsonl}) as a floor: a change that loses
 * a catch, or raises more false alarms, fails the build. The target is recall 100% on every kind in
 * both languages and false alarms at most 1 in 5 ordinary texts (20%); the floors below are what
 * the detector reaches today ({@code bench/crisis/run} prints it), short of that target. Raise them
 * when the detector improves; never lower them, and never tune on these texts.
 */
class CrisisEvaluationTest {
    // Crisis texts caught, of 26 per kind and language.
    private static final Map<CrisisKind, Integer> ENGLISH = Map.of(
            CrisisKind.SUICIDE_OR_SELF_HARM, 25,
            CrisisKind.HARMING_THE_BABY, 21,
            // 22, one fewer than before: lowered once, on purpose, for 17 more Spanish catches and one
            // fewer false alarm overall (README, "Crisis signs"); never again to let a change through.
            CrisisKind.VIOLENCE_AT_HOME, 22,
            CrisisKind.PSYCHOSIS, 25,
            CrisisKind.SEVERE_DEPRESSION, 23);
    private static final Map<CrisisKind, Integer> SPANISH = Map.of(
            CrisisKind.SUICIDE_OR_SELF_HARM, 20,
            CrisisKind.HARMING_THE_BABY, 21,
            CrisisKind.VIOLENCE_AT_HOME, 19,
            CrisisKind.PSYCHOSIS, 22,
            // 17, two fewer than before: the same trade as English violence above, said in the README.
            CrisisKind.SEVERE_DEPRESSION, 17);
    // Ordinary texts flagged, of 110 (55 per language); the target is at most 22.
    private static final int MOST_FALSE_ALARMS = 30;

    @Test
    void catchesAtLeastWhatItCaughtOnTheHeldOutSetAndRaisesNoMoreFalseAlarms() {
        CrisisSigns signs = CrisisSigns.load();
        LabelledTexts.Figures figures = LabelledTexts.evaluation().figures(text -> signs.in(text.text()));

        for (CrisisKind kind : CrisisKind.values()) {
            assertThat(figures.recall("en", kind).hits()).as("English, " + kind + " caught").isGreaterThanOrEqualTo(ENGLISH.get(kind));
            assertThat(figures.recall("es", kind).hits()).as("Spanish, " + kind + " caught").isGreaterThanOrEqualTo(SPANISH.get(kind));
        }
        assertThat(figures.allFalseAlarms().total()).isEqualTo(110);
        assertThat(figures.allFalseAlarms().hits()).as("ordinary texts flagged").isLessThanOrEqualTo(MOST_FALSE_ALARMS);
    }
}
