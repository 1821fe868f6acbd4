package dearly.asking;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Spanish words of the tuning examples and the development set that the gloss leaves as they
 * are, most frequent first: what to add to crisis/gloss-es.txt next. Run by hand.
 */
final class GlossGaps {
    public static void main(String[] args) {
        Gloss gloss = Gloss.load();
        Map<String, Integer> gaps = new TreeMap<>();
        List<String> texts = new java.util.ArrayList<>();
        for (MeaningSigns.Example example : MeaningSigns.examples()) if (example.language().code().equals("es")) texts.add(example.text());
        for (LabelledTexts.Text text : LabelledTexts.read(Path.of("bench", "crisis-dev", "dev.jsonl")).texts()) {
            if (text.language().equals("es")) texts.add(text.text());
        }
        for (String text : texts) {
            for (String word : CrisisText.words(text)) {
                if (gloss.gloss(List.of(word)).equals(word) && word.length() > 2 && !word.matches("\\d+")) gaps.merge(word, 1, Integer::sum);
            }
        }
        gaps.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(gap -> System.out.println(gap.getValue() + " " + gap.getKey()));
    }
}
