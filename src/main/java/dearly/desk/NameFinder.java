package dearly.desk;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import dearly.language.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.apache.lucene.analysis.es.SpanishAnalyzer;

/**
 * Finds people's names in a letter's text. English is read by Apache OpenNLP's tokenizer and
 * part-of-speech tagger trained on the Universal Dependencies English Web Treebank: a name is a
 * word it tags PROPN. OpenNLP publishes no Spanish model on Maven Central, so Spanish is cut into
 * words by ICU (Unicode word boundaries) and read by the rule Spanish spelling gives: inside a
 * sentence only proper nouns take a capital. In both languages a sentence's first word, and every
 * word of a headline written in title case, counts as a name only when it is a known given name,
 * and places, months, brands and words like "Mama" are never people (word lists under
 * {@code dearly/desk/checks/}). Thread-safe: OpenNLP's tools are not, so each thread gets its own.
 */
final class NameFinder {

    /** A name as it stands in the text, one word or several ("María José"), in UTF-16 indices. */
    record Name(String words, int start, int end) {}

    private record Token(String text, int start, int end, String tag) {}

    private static final String PROPER_NOUN = "PROPN";
    // A sentence longer than this is tagged in pieces: the tagger's cost grows with it, a real sentence never is.
    private static final int MOST_TOKENS = 200;

    private final TokenizerModel tokenizerModel;
    private final POSModel taggerModel;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> tagger;
    private final Set<String> givenNames;
    private final Set<String> notPeople;
    private final Set<String> spanishWords;
    private final Set<String> places = new HashSet<>();

    NameFinder() {
        tokenizerModel = model("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        taggerModel = model("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(taggerModel));
        givenNames = words("given-names.txt");
        notPeople = words("not-people.txt");
        spanishWords = words("common-es.txt");
        SpanishAnalyzer.getDefaultStopSet().forEach(word -> spanishWords.add(fold(new String((char[]) word))));
        // Countries and languages are proper nouns, not people: every name ICU knows for them, in both languages.
        for (Language language : Language.values()) {
            ULocale in = ULocale.forLocale(language.locale());
            for (String code : Locale.getISOCountries()) addWords(places, new ULocale("", code).getDisplayCountry(in));
            for (String code : Locale.getISOLanguages()) addWords(places, new ULocale(code).getDisplayLanguage(in));
        }
    }

    /** The names in the text, in order. */
    List<Name> in(String text, Language language) {
        List<Name> names = new ArrayList<>();
        if (text == null || text.isBlank()) return names;
        String plain = plain(text);
        for (Span sentence : sentences(plain, language)) {
            List<Token> tokens = language == Language.EN ? tagged(plain, sentence) : words(plain, sentence);
            boolean titleCase = titleCase(tokens);
            List<Token> found = new ArrayList<>();
            boolean first = true;
            Token before = null;
            for (Token token : tokens) {
                boolean isWord = token.text().codePoints().anyMatch(Character::isLetter);
                if (isWord && !placeAfter(before) && (name(token, first || titleCase, language) || namedSmall(token, before))) {
                    found.add(token);
                }
                // After a colon, an opening quote or a dash a new sentence may start: "what helped: Tiny moments".
                first = isWord ? false : first || opensSentence(token.text());
                if (isWord) before = token;
            }
            joined(plain, found, names);
        }
        return names;
    }

    /** Whether one word is a person's name, by the language's rule, the word lists and its place in the sentence. */
    private boolean name(Token token, boolean sentenceStart, Language language) {
        String word = token.text();
        String folded = fold(word);
        if (notPeople.contains(folded)) return false;
        // Shouted in capitals ("RYAN never helps"): only a known given name is a name.
        if (word.length() > 1 && word.codePoints().allMatch(Character::isUpperCase)) return givenNames.contains(folded);
        if (!capitalised(word)) return false;
        if (givenNames.contains(folded)) return true;
        if (sentenceStart || places.contains(folded)) return false;
        if (language == Language.EN) return PROPER_NOUN.equals(token.tag());
        return !spanishWords.contains(folded);
    }

    /**
     * A name typed in small letters on a phone, where the word before says a person follows: "my
     * husband juan", "mi esposo ángel". Only known given names: "my husband works" names no one.
     */
    private boolean namedSmall(Token token, Token before) {
        if (before == null || !Character.isLowerCase(token.text().codePointAt(0))) return false;
        String folded = fold(token.text());
        return givenNames.contains(folded) && !notPeople.contains(folded) && RELATIONS.contains(fold(before.text()));
    }

    /** "San Antonio", "Santa Marta", "St. Louis": a saint's name before a place is no person. */
    private static boolean placeAfter(Token before) {
        return before != null && SAINTS.contains(fold(before.text()));
    }

    private static final Set<String> SAINTS = Set.of("san", "santa", "santo", "sao", "st", "st.", "saint");
    private static final Set<String> RELATIONS = Set.of("husband", "wife", "partner", "boyfriend", "girlfriend", "friend", "sister",
            "brother", "cousin", "neighbor", "neighbour", "ex", "boss", "son", "daughter", "esposo", "esposa", "marido", "mujer", "novio",
            "novia", "pareja", "amigo", "amiga", "hermano", "hermana", "primo", "prima", "vecino", "vecina", "jefe", "jefa", "hijo", "hija",
            "suegra", "suegro", "cuñado", "cuñada", "sobrino", "sobrina", "tio", "tia");

    /** Names next to each other are one name: "María José", "Aunt Rosa" once "Aunt" is set aside. */
    private static void joined(String text, List<Token> found, List<Name> names) {
        Token first = null;
        Token last = null;
        for (Token token : found) {
            if (last != null && text.substring(last.end(), token.start()).isBlank()) {
                last = token;
                continue;
            }
            if (first != null) names.add(name(text, first, last));
            first = token;
            last = token;
        }
        if (first != null) names.add(name(text, first, last));
    }

    /** The name as written, without a possessive: "Marcus's" is Marcus. */
    private static Name name(String text, Token first, Token last) {
        int end = last.end();
        String words = text.substring(first.start(), end);
        if (words.endsWith("'s") || words.endsWith("'S")) end -= 2;
        else if (words.endsWith("'")) end -= 1;
        return new Name(text.substring(first.start(), end), first.start(), end);
    }

    private List<Token> tagged(String text, Span sentence) {
        String part = text.substring(sentence.getStart(), sentence.getEnd());
        Span[] spans = tokenizer.get().tokenizePos(part);
        List<Token> tokens = new ArrayList<>(spans.length);
        for (int from = 0; from < spans.length; from += MOST_TOKENS) {
            int to = Math.min(spans.length, from + MOST_TOKENS);
            String[] words = new String[to - from];
            for (int i = from; i < to; i++) words[i - from] = spans[i].getCoveredText(part).toString();
            String[] tags = tagger.get().tag(words);
            for (int i = from; i < to; i++) {
                tokens.add(new Token(words[i - from], sentence.getStart() + spans[i].getStart(), sentence.getStart() + spans[i].getEnd(),
                        tags[i - from]));
            }
        }
        return tokens;
    }

    private static List<Token> words(String text, Span sentence) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.forLanguageTag("es"));
        words.setText(text.substring(sentence.getStart(), sentence.getEnd()));
        List<Token> tokens = new ArrayList<>();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            String word = text.substring(sentence.getStart() + start, sentence.getStart() + end);
            if (!word.isBlank()) tokens.add(new Token(word, sentence.getStart() + start, sentence.getStart() + end, null));
        }
        return tokens;
    }

    /** Sentences by ICU's rules, and every line on its own: letters keep short lines as written. */
    private static List<Span> sentences(String text, Language language) {
        List<Span> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(new ULocale(language.code() + "@ss=standard"));
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            breaks.setText(line);
            for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                if (!line.substring(start, end).isBlank()) sentences.add(new Span(lineStart + start, lineStart + end));
            }
            lineStart += line.length() + 1;
        }
        return sentences;
    }

    /** A headline in title case ("Why I Miss My Partner") capitalises every word, so capitals say nothing. */
    private static boolean titleCase(List<Token> tokens) {
        int words = 0;
        int capitals = 0;
        for (Token token : tokens) {
            if (token.text().length() < 4 || !token.text().codePoints().allMatch(Character::isLetter)) continue;
            words++;
            if (capitalised(token.text())) capitals++;
        }
        return words >= 3 && capitals * 10 >= words * 7;
    }

    /** A capital and then small letters: "Sofia", "McKenzie", "O'Brien"; not "NICU" nor "I". */
    private static boolean capitalised(String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.codePointAt(0))) return false;
        return word.codePoints().skip(1).anyMatch(Character::isLowerCase) && word.codePoints().allMatch(c -> Character.isLetter(c)
                || c == '\'' || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK);
    }

    private static boolean opensSentence(String mark) {
        return mark.codePoints().allMatch(c -> ":\"“«¿¡—–(*•".indexOf(c) >= 0);
    }

    /**
     * The text with what no tokenizer should meet made harmless, each character kept in its place:
     * typographic apostrophes read as the plain one, control and format characters (bidi marks) as spaces.
     */
    private static String plain(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c == '’' || c == 'ʼ') plain.append('\'');
            else if (c == '\r' || c == '\t') plain.append(' ');
            else if (c != '\n' && (type == Character.CONTROL || type == Character.FORMAT)) plain.append(' ');
            else plain.append(c);
        }
        return plain.toString();
    }

    /** Lower case without accents: "Andrés" and "andres" are one name, as a phone keyboard types them. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("'s", "");
    }

    private static void addWords(Set<String> words, String name) {
        for (String word : name.split("[\\s,()-]+")) if (word.length() > 1) words.add(fold(word));
    }

    private interface ModelReader<M> {
        M read(InputStream in) throws IOException;
    }

    private static <M> M model(String resource, ModelReader<M> reader) {
        try (InputStream in = NameFinder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> words(String file) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameFinder.class.getResourceAsStream("checks/" + file)) {
            if (in == null) throw new IllegalStateException("word list " + file + " is missing");
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> words.add(fold(line)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
