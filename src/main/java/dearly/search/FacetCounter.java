package dearly.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts, over every letter a query finds, the letters per topic and per language, each as the
 * other filter leaves them: choosing Spanish still shows how many letters each topic has in
 * Spanish, and still offers English with its count. Also counts the letters both filters keep.
 */
final class FacetCounter extends SimpleCollector {
    private final String language;
    private final String topic;
    final Map<String, Integer> topics = new HashMap<>();
    final Map<String, Integer> languages = new HashMap<>();
    int matching;
    private SortedDocValues languageValues;
    private SortedSetDocValues topicValues;

    /** @param language the language chosen, or null; @param topic the topic's slug chosen, or null */
    FacetCounter(String language, String topic) {
        this.language = language;
        this.topic = topic;
    }

    static CollectorManager<FacetCounter, FacetCounter> manager(String language, String topic) {
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() {
                return new FacetCounter(language, topic);
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> counters) {
                FacetCounter all = new FacetCounter(language, topic);
                for (FacetCounter counter : counters) {
                    counter.topics.forEach((key, count) -> all.topics.merge(key, count, Integer::sum));
                    counter.languages.forEach((key, count) -> all.languages.merge(key, count, Integer::sum));
                    all.matching += counter.matching;
                }
                return all;
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        languageValues = DocValues.getSorted(context.reader(), SearchFields.LANGUAGE);
        topicValues = DocValues.getSortedSet(context.reader(), SearchFields.TOPIC);
    }

    @Override
    public void collect(int doc) throws IOException {
        String letterLanguage = languageValues.advanceExact(doc)
                ? languageValues.lookupOrd(languageValues.ordValue()).utf8ToString() : "";
        List<String> letterTopics = new ArrayList<>();
        if (topicValues.advanceExact(doc)) {
            for (int i = 0; i < topicValues.docValueCount(); i++) {
                letterTopics.add(topicValues.lookupOrd(topicValues.nextOrd()).utf8ToString());
            }
        }
        boolean languageKept = language == null || language.equals(letterLanguage);
        boolean topicKept = topic == null || letterTopics.contains(topic);
        if (languageKept) letterTopics.forEach(slug -> topics.merge(slug, 1, Integer::sum));
        if (topicKept) languages.merge(letterLanguage, 1, Integer::sum);
        if (languageKept && topicKept) matching++;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
