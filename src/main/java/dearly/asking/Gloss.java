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
 * by its Spanish stem, and one with no entry at all is kept as it is (names, cognates). A few turns
 * of phrase whose words mislead one by one ("no me deja" is "won't let me", not "not me lets") are
 * glossed whole, the longest first.
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

    private static final int LONGEST_PHRASE = 4;

    private final Map<String, String> words;
    private final Map<String, String> stems;
    // "no me deja" (words joined by a space) = "won't let me"
    private final Map<String, String> phrases;

    private Gloss(Map<String, String> words, Map<String, String> stems, Map<String, String> phrases) {
        this.words = Map.copyOf(words);
        this.stems = Map.copyOf(stems);
        this.phrases = Map.copyOf(phrases);
    }

    static Gloss load() {
        Map<String, String> words = new HashMap<>();
        Map<String, String> stems = new HashMap<>();
        Map<String, String> phrases = new HashMap<>();
        SnowballStemmer stemmer = new SpanishStemmer();
        for (CrisisData.Entry entry : CrisisData.entries(FILE)) {
            int equals = entry.text().indexOf('=');
            if (equals < 0) throw new IllegalStateException(entry.where() + ": no \"=\" between the Spanish and the English");
            String english = entry.text().substring(equals + 1).strip();
            for (String spanish : entry.text().substring(0, equals).strip().split("\\s+")) {
                // A turn of phrase is written with its words joined by "_": no_me_deja.
                List<String> folded = CrisisText.words(spanish.replace('_', ' '));
                if (spanish.contains("_")) {
                    if (folded.size() > LONGEST_PHRASE) throw new IllegalStateException(entry.where() + ": a phrase of more than " + LONGEST_PHRASE + " words");
                    phrases.put(String.join(" ", folded), english);
                    continue;
                }
                for (String word : folded) {
                    words.put(word, english);
                    stems.putIfAbsent(stem(stemmer, word), english);
                }
            }
        }
        return new Gloss(words, stems, phrases);
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
        for (int at = 0; at < folded.size(); ) {
            String said = null;
            int read = 1;
            for (int length = Math.min(LONGEST_PHRASE, folded.size() - at); length > 1 && said == null; length--) {
                said = phrases.get(String.join(" ", folded.subList(at, at + length)));
                if (said != null) read = length;
            }
            String word = folded.get(at);
            if (said == null) said = words.get(word);
            if (said == null) said = stems.getOrDefault(stem(stemmer, word), word);
            if (!said.equals("-")) english.append(english.isEmpty() ? "" : " ").append(said);
            at += read;
        }
        return english.toString();
    }

    private static String stem(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
