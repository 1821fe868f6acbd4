package dearly.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The words parents use for the same thing, in both languages ({@code synonyms.txt}): a search for
 * "nursing" finds a letter about breastfeeding, "marido" one about her "pareja". Applied to the
 * query only, by Lucene's SynonymGraphFilter over her words as typed (lower-cased, accents folded),
 * so the index needs no rebuild when the list changes. A group of several words ("mother in law")
 * is matched as a whole in her text; a several-word synonym offered is looked for word by word, the
 * best of them counting, which is enough for a word as telling as "suegra".
 */
final class SearchSynonyms {
    private static final Analyzer EXPANDING = expanding(load());

    private SearchSynonyms() {}

    /** For each word of the text (as {@link LetterAnalysis#plainWords()} cuts it) that has any, the words that mean the same. */
    static Map<String, List<String>> of(String text) {
        record Word(String text, int start, int end) {}
        List<Word> typed = new ArrayList<>();
        List<Word> offered = new ArrayList<>();
        try (TokenStream stream = EXPANDING.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                Word word = new Word(term.toString(), offset.startOffset(), offset.endOffset());
                (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) ? offered : typed).add(word);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        Map<String, Set<String>> synonyms = new LinkedHashMap<>();
        for (Word synonym : offered) {
            // "too much" offered word by word must not look for "much".
            if (HerWords.stopWord(synonym.text()) || LetterAnalysis.littleWord(synonym.text())
                    || LetterAnalysis.weakWord(synonym.text())) continue;
            for (Word word : typed) {
                // A synonym spans the words it stands for, "mother in law" for "suegra".
                if (word.start() >= synonym.start() && word.end() <= synonym.end() && !word.text().equals(synonym.text())) {
                    synonyms.computeIfAbsent(word.text(), key -> new LinkedHashSet<>()).add(synonym.text());
                }
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        synonyms.forEach((word, words) -> lists.put(word, List.copyOf(words)));
        return lists;
    }

    private static SynonymMap load() {
        Analyzer plain = LetterAnalysis.plainWords();
        SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
        try (InputStream in = SearchSynonyms.class.getResourceAsStream("/dearly/search/synonyms.txt")) {
            if (in == null) throw new IllegalStateException("dearly/search/synonyms.txt is missing from the classpath");
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("dearly/search/synonyms.txt, line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    private static Analyzer expanding(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new SynonymGraphFilter(words, synonyms, true));
            }
        };
    }
}
