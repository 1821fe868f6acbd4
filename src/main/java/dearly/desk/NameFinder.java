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
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

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
    // Stems of the words of each language's word list (Debian's wamerican and wspanish, lower-case
    // entries only, so no names): a capitalised word whose stem is among them may be a plain word.
    private final Set<String> englishStems;
    private final Set<String> spanishStems;

    NameFinder() {
        tokenizerModel = model("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        taggerModel = model("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);
        tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenizerModel));
        tagger = ThreadLocal.withInitial(() -> new POSTaggerME(taggerModel));
        givenNames = words("given-names.txt");
        notPeople = words("not-people.txt");
        spanishWords = words("common-es.txt");
        englishStems = stems(gzipped("words-en.txt.gz"), new EnglishStemmer());
        spanishStems = stems(gzipped("words-es.txt.gz"), new SpanishStemmer());
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
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                boolean isWord = token.text().codePoints().anyMatch(Character::isLetter);
                if (isWord && !placeAfter(before) && (name(token, first || titleCase, titleCase, language) || related(token, before)
                        || introduced(tokens, i))) {
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
    private boolean name(Token token, boolean sentenceStart, boolean titleCase, Language language) {
        String word = token.text();
        String folded = fold(word);
        if (notPeople.contains(folded)) return false;
        // Shouted in capitals ("RYAN never helps"): only a known given name is a name.
        if (word.length() > 1 && word.codePoints().allMatch(Character::isUpperCase)) return givenNames.contains(folded);
        if (!capitalised(word)) return false;
        if (givenNames.contains(folded)) return true;
        if (places.contains(folded) || nationality(folded)) return false;
        boolean plainWord = language == Language.EN ? englishWord(folded)
                : spanishWord(word.toLowerCase(Locale.ROOT)) || spanishWord(folded);
        // Where capitals say nothing (a sentence's first word, a title-case headline) only a word that is no plain word is a name.
        if (sentenceStart) return !plainWord;
        // Inside an English sentence the tagger decides ("your neighbor Will" is a name, "you will" is not);
        // a capitalised word that is no English word is a name even when the tagger thinks not ("Kyle").
        if (language == Language.EN) return PROPER_NOUN.equals(token.tag()) || !plainWord;
        // Spanish writes only proper nouns with a capital inside a sentence; a capitalised plain word
        // ("la Línea 106", "Semana Santa") names a service or a day unless a relation word comes before it.
        return !plainWord;
    }

    /**
     * A name right after a word that says a person follows: "your neighbor Will", "tu sobrina Abril",
     * and typed in small letters on a phone, "my husband juan", "mi esposo ángel" (then only known
     * given names: "my husband works" names no one).
     */
    private boolean related(Token token, Token before) {
        if (before == null || !RELATIONS.contains(fold(before.text()))) return false;
        String folded = fold(token.text());
        if (places.contains(folded) || KIN.contains(folded)) return false;
        if (capitalised(token.text())) return true;
        return Character.isLowerCase(token.text().codePointAt(0)) && givenNames.contains(folded) && !notPeople.contains(folded);
    }

    /** A name that a relation follows: "Wilmer, su esposo, no quiere", "Derek, my husband, says". */
    private boolean introduced(List<Token> tokens, int at) {
        if (at + 3 >= tokens.size() || !capitalised(tokens.get(at).text()) || notPeople.contains(fold(tokens.get(at).text()))) return false;
        return tokens.get(at + 1).text().equals(",") && POSSESSIVES.contains(fold(tokens.get(at + 2).text()))
                && RELATIONS.contains(fold(tokens.get(at + 3).text()));
    }

    private static final Set<String> POSSESSIVES = Set.of("my", "your", "her", "his", "their", "our", "mi", "tu", "su", "nuestro", "nuestra");
    private static final Set<String> KIN = Set.of("mama", "mom", "mum", "dad", "papa", "mami", "papi", "abuela", "abuelo", "grandma", "grandpa");

    /** "Mexican", "Colombiana", "Puerto Rican": a people named after its country is no person. */
    private boolean nationality(String folded) {
        for (String ending : List.of("ian", "an", "n", "ana", "ano", "ese", "ish", "ena", "eno", "a", "o")) {
            if (!folded.endsWith(ending) || folded.length() - ending.length() < 4) continue;
            String stem = folded.substring(0, folded.length() - ending.length());
            for (String place : places) if (place.startsWith(stem)) return true;
        }
        return false;
    }

    /** "San Antonio", "Santa Marta", "St. Louis": a saint's name before a place is no person. */
    private static boolean placeAfter(Token before) {
        return before != null && SAINTS.contains(fold(before.text()));
    }

    private static final Set<String> SAINTS = Set.of("san", "santa", "santo", "sao", "st", "st.", "saint");
    private static final Set<String> RELATIONS = Set.of("husband", "wife", "partner", "boyfriend", "girlfriend", "friend", "sister",
            "brother", "cousin", "neighbor", "neighbour", "ex", "boss", "son", "daughter", "esposo", "esposa", "marido", "mujer", "novio",
            "novia", "pareja", "amigo", "amiga", "hermano", "hermana", "primo", "prima", "vecino", "vecina", "jefe", "jefa", "hijo", "hija",
            "suegra", "suegro", "doctor", "doctora", "dr", "dra", "don", "doña", "señora", "cuñado", "cuñada", "sobrino", "sobrina", "tio", "tia");

    /** Names next to each other are one name: "María José", "Aunt Rosa" once "Aunt" is set aside. */
    private static void joined(String text, List<Token> found, List<Name> names) {
        Token first = null;
        Token last = null;
        for (Token token : found) {
            String between = last == null ? "" : text.substring(last.end(), token.start());
            if (last != null && (between.isBlank() || between.equals("-"))) {
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

    // ICU does not know every title: "Dr. Patel", "la Dra. Herrera", "Lina P. writes" go on after the dot.
    private static final java.util.regex.Pattern TITLE_BEFORE_BREAK = java.util.regex.Pattern.compile(
            "(?:^|[\\s(])(?i:dr|dra|drs|mr|mrs|ms|mx|sr|sra|srta|st|prof|profa|lic|ing|fr|rev|\\p{Lu})\\.\\s*$");

    /** Sentences by ICU's rules, and every line on its own: letters keep short lines as written. */
    private static List<Span> sentences(String text, Language language) {
        List<Span> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(new ULocale(language.code() + "@ss=standard"));
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            breaks.setText(line);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
                if (end < line.length() && TITLE_BEFORE_BREAK.matcher(line.substring(start, end)).find()) continue;
                if (!line.substring(start, end).isBlank()) sentences.add(new Span(lineStart + start, lineStart + end));
                start = end;
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

    private static final java.util.regex.Pattern CONTRACTION = java.util.regex.Pattern.compile("(?i)('m|'re|'ve|'ll|'d|n't)$");

    /** A capital and then small letters: "Sofia", "McKenzie", "O'Brien"; not "NICU" nor "I". */
    private static boolean capitalised(String word) {
        word = CONTRACTION.matcher(word).replaceAll("");
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

    /** An English word, or two run together ("Babywearing", "Cosleeping"). */
    private boolean englishWord(String folded) {
        EnglishStemmer stemmer = new EnglishStemmer();
        if (englishStems.contains(stem(folded, stemmer))) return true;
        for (int cut = 3; cut <= folded.length() - 3; cut++) {
            if (englishStems.contains(stem(folded.substring(0, cut), stemmer)) && englishStems.contains(stem(folded.substring(cut), stemmer))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Spanish word: in the word lists, or a form of one, with the pronouns Spanish joins to a verb
     * taken off ("Escríbele", "Perdónate", "Dímelo") and the stem changes of its commonest verbs
     * ("Pide" from pedir, "Duermo" from dormir).
     */
    private boolean spanishWord(String lower) {
        if (spanishWords.contains(fold(lower))) return true;
        SpanishStemmer stemmer = new SpanishStemmer();
        for (String form : withoutPronouns(lower)) {
            if (spanishWords.contains(fold(form))) return true;
            String stem = stem(form, stemmer);
            for (String changed : List.of(stem, stem.replace("ie", "e"), stem.replace("ue", "o"), stem.replaceFirst("i", "e"),
                    stem.replaceFirst("u", "o"))) {
                if (spanishStems.contains(changed)) return true;
            }
        }
        return false;
    }

    private static final List<String> PRONOUNS = List.of("selos", "selas", "melo", "mela", "telo", "tela", "noslo", "los", "las", "les",
            "nos", "os", "lo", "la", "le", "me", "te", "se");

    private static List<String> withoutPronouns(String word) {
        List<String> forms = new ArrayList<>(List.of(word));
        for (String pronoun : PRONOUNS) {
            if (word.endsWith(pronoun) && word.length() - pronoun.length() >= 3) forms.add(word.substring(0, word.length() - pronoun.length()));
        }
        return forms;
    }

    private static String stem(String word, SnowballStemmer stemmer) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static Set<String> stems(List<String> words, SnowballStemmer stemmer) {
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            stems.add(stem(word, stemmer));
            stems.add(stem(fold(word), stemmer));
        }
        return stems;
    }

    private static List<String> gzipped(String file) {
        try (InputStream in = NameFinder.class.getResourceAsStream("checks/" + file)) {
            if (in == null) throw new IllegalStateException("word list " + file + " is missing");
            return new String(new java.util.zip.GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
