package dearly.asking;

import dearly.language.Language;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the meaning layer's {@code alongside} (crisis/meaning.txt) on the development set: for each
 * value, the kinds caught and how many kinds a flagged text shows. It cannot change false alarms (it
 * only adds kinds to a sentence already flagged), so it is chosen by how many kinds it adds, not by
 * recall alone. Run by hand: {@code java ... dearly.asking.CrisisAlongside}.
 */
final class CrisisAlongside {
    private static final Map<String, String> KINDS = Map.of("suicide", "SUICIDE_OR_SELF_HARM",
            "harm-baby", "HARMING_THE_BABY", "violence", "VIOLENCE_AT_HOME", "psychosis", "PSYCHOSIS",
            "depression", "SEVERE_DEPRESSION", "benign", LabelledTexts.BENIGN);

    public static void main(String[] args) {
        CrisisSigns signs = CrisisSigns.load();
        MeaningSigns meaning = signs.meaning();
        Map<Language, MeaningSigns.Thresholds> file = MeaningSigns.thresholds();
        List<LabelledTexts.Text> dev = LabelledTexts.read(Path.of("bench", "crisis-dev", "dev.jsonl")).texts();
        float[] tried = {0f, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.08f, 0.10f};
        int[] caught = new int[tried.length];
        int[] kindsShown = new int[tried.length];
        int[] flagged = new int[tried.length];
        int crises = 0;
        for (LabelledTexts.Text text : dev) {
            String kind = KINDS.get(text.kind());
            boolean benign = kind.equals(LabelledTexts.BENIGN);
            if (!benign) crises++;
            Set<CrisisKind> base = signs.in(text.text());
            for (int t = 0; t < tried.length; t++) {
                Map<Language, MeaningSigns.Thresholds> thresholds = new EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    thresholds.put(language, new MeaningSigns.Thresholds(file.get(language).least(), file.get(language).margin(), tried[t]));
                }
                Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
                kinds.addAll(base);
                for (String sentence : CrisisText.sentences(text.text())) {
                    for (String unit : MeaningSigns.units(sentence)) {
                        kinds.addAll(thresholds.get(MeaningSigns.languageOf(unit)).shown(meaning.scores(meaning.vector(unit), null)));
                    }
                }
                if (!kinds.isEmpty()) {
                    flagged[t]++;
                    kindsShown[t] += kinds.size();
                }
                if (!benign && kinds.contains(CrisisKind.valueOf(kind))) caught[t]++;
            }
        }
        for (int t = 0; t < tried.length; t++) {
            System.out.printf(Locale.ROOT, "alongside %.2f: caught %d/%d, kinds per flagged text %.2f%n", tried[t], caught[t], crises,
                    (double) kindsShown[t] / flagged[t]);
        }
    }
}
