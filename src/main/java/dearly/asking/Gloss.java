package dearly.asking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * A word-for-word English gloss of a Spanish sentence, for the meaning layer: all-MiniLM-L6-v2 was
 * trained on English, and reads every Spanish sentence as much like every other ("me muero de
 * sueño" is as near "ya no quiero despertar" as "ojalá no despertar nunca más" is). Glossed, "ya
 * no quiero despertar" reads "already not want wake up", which the model places beside "I don't
 * want to wake up". The words are in {@code crisis/gloss-es.txt}; a word not listed is looked up
 * by its Spanish stem, and one with no entry at all is kept as it is (names, cognates).
 */
final class Gloss {
    private static final String FILE = "gloss-es.txt";
    // Words only Spanish writes; those both languages write ("a", "me", "no", "he") tell nothing.
    private static final Set<String> SPANISH = Set.of("de", "la", "que", "el", "en", "y", "los", "se", "del", "las",
            "un", "por", "con", "una", "su", "para", "es", "al", "lo", "como", "mas", "pero", "sus", "le", "ya",
            "este", "si", "porque", "esta", "cuando", "muy", "sin", "sobre", "tambien", "hasta", "hay", "donde",
            "todo", "nos", "les", "ni", "ese", "eso", "esto", "mi", "yo", "otra", "ella", "nada", "algo", "tengo",
            "estoy", "quiero", "soy", "mis", "tu", "te", "siento", "bebe", "hijo", "hija", "esposo", "marido",
            "nunca", "siempre", "ahora", "dia", "noche", "veces", "puedo", "tiene", "hace", "creo", "pienso", "q",
            "estar", "ser", "aqui", "asi", "solo", "cada", "despues", "antes", "bien");
    private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "i", "is", "in", "it", "you", "that",
            "was", "for", "on", "are", "with", "they", "be", "at", "have", "this", "from", "or", "had", "by", "not",
            "but", "what", "my", "im", "dont", "just", "so", "can", "will", "would", "she", "her", "we", "him", "his",
            "if", "when", "all", "feel", "baby", "husband", "like", "do", "am", "been", "cant", "want", "know", "ive",
            "about", "get", "its", "an", "me", "he", "no", "out", "up", "our", "there", "because", "how", "think");

    private final Map<String, String> words;
    private final Map<String, String> stems;

    private Gloss(Map<String, String> words, Map<String, String> stems) {
        this.words = Map.copyOf(words);
        this.stems = Map.copyOf(stems);
    }

    static Gloss load() {
        Map<String, String> words = new HashMap<>();
        Map<String, String> stems = new HashMap<>();
        SnowballStemmer stemmer = new SpanishStemmer();
        for (CrisisData.Entry entry : CrisisData.entries(FILE)) {
            int equals = entry.text().indexOf('=');
            if (equals < 0) throw new IllegalStateException(entry.where() + ": no \"=\" between the Spanish and the English");
            String english = entry.text().substring(equals + 1).strip();
            for (String spanish : CrisisText.words(entry.text().substring(0, equals))) {
                words.put(spanish, english);
                stems.putIfAbsent(stem(stemmer, spanish), english);
            }
        }
        return new Gloss(words, stems);
    }

    /** Whether the sentence reads as Spanish: more words only Spanish writes than words only English does. */
    static boolean spanish(List<String> words) {
        int spanish = 0;
        int english = 0;
        for (String word : words) {
            if (SPANISH.contains(word)) spanish++;
            if (ENGLISH.contains(word)) english++;
        }
        return spanish > english;
    }

    /** The sentence as the English model should read it: itself when it is English, its gloss when Spanish. */
    String forTheModel(String sentence) {
        List<String> folded = CrisisText.words(sentence);
        return spanish(folded) ? gloss(folded) : sentence;
    }

    String gloss(List<String> folded) {
        SnowballStemmer stemmer = new SpanishStemmer();
        StringBuilder english = new StringBuilder();
        for (String word : folded) {
            String said = words.get(word);
            if (said == null) said = stems.getOrDefault(stem(stemmer, word), word);
            if (!said.equals("-")) english.append(english.isEmpty() ? "" : " ").append(said);
        }
        return english.toString();
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
