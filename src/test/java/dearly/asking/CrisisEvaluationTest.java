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
    // Crisis texts caught, of 26 per kind and language: the figures measured in December 2026
    // (README, "Crisis signs") after 452 more tuning examples and thresholds rechosen on them, measured
    // once, not tuned on this set: four more catches in all (harming the baby +1 English, +3 Spanish;
    // English violence at home +1; Spanish psychosis +1) for one fewer suicide or self-harm in each
    // language and three more false alarms. Those two floors and the false-alarm ceiling moved the
    // wrong way on purpose, with the trade said here; never move one again to let a change through.
    private static final Map<CrisisKind, Integer> ENGLISH = Map.of(
            CrisisKind.SUICIDE_OR_SELF_HARM, 24,
            CrisisKind.HARMING_THE_BABY, 21,
            CrisisKind.VIOLENCE_AT_HOME, 24,
            CrisisKind.PSYCHOSIS, 25,
            CrisisKind.SEVERE_DEPRESSION, 23);
    private static final Map<CrisisKind, Integer> SPANISH = Map.of(
            CrisisKind.SUICIDE_OR_SELF_HARM, 19,
            CrisisKind.HARMING_THE_BABY, 23,
            CrisisKind.VIOLENCE_AT_HOME, 18,
            CrisisKind.PSYCHOSIS, 23,
            CrisisKind.SEVERE_DEPRESSION, 19);
    // Ordinary texts flagged, of 110 (55 per language); the target is at most 22.
    private static final int MOST_FALSE_ALARMS = 29;

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
