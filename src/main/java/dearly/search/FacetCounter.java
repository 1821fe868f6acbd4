package dearly.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, over every letter a query finds, the letters per topic and per language, each as the
 * other filter leaves them: choosing Spanish still shows how many letters each topic has in
 * Spanish, and still offers English with its count. Also counts the letters both filters keep. Counts
 * are kept per ordinal and turned into words once a segment is done, not once a letter.
 */
final class FacetCounter extends SimpleCollector {
    private final String language;
    private final String topic;
    final Map<String, Integer> topics = new HashMap<>();
    final Map<String, Integer> languages = new HashMap<>();
    int matching;
    private SortedDocValues languageValues;
    private SortedSetDocValues topicValues;
    /** In this segment: the chosen language's and topic's ordinals (-2 when none is chosen, -1 when absent). */
    private long languageKept;
    private long topicKept;
    private int[] languageCounts;
    private int[] topicCounts;

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
        languageKept = language == null ? -2 : Math.max(-1, languageValues.lookupTerm(new BytesRef(language)));
        topicKept = topic == null ? -2 : Math.max(-1, topicValues.lookupTerm(new BytesRef(topic)));
        languageCounts = new int[languageValues.getValueCount()];
        topicCounts = new int[Math.toIntExact(topicValues.getValueCount())];
    }

    @Override
    public void collect(int doc) throws IOException {
        int letterLanguage = languageValues.advanceExact(doc) ? languageValues.ordValue() : -1;
        boolean languageOk = languageKept == -2 || (letterLanguage >= 0 && letterLanguage == languageKept);
        boolean topicOk = topicKept == -2;
        if (topicValues.advanceExact(doc)) {
            for (int i = 0; i < topicValues.docValueCount(); i++) {
                long ord = topicValues.nextOrd();
                if (ord == topicKept) topicOk = true;
                if (languageOk) topicCounts[(int) ord]++;
            }
        }
        if (topicOk && letterLanguage >= 0) languageCounts[letterLanguage]++;
        if (languageOk && topicOk) matching++;
    }

    @Override
    public void finish() throws IOException {
        for (int ord = 0; ord < languageCounts.length; ord++) {
            if (languageCounts[ord] > 0) languages.merge(languageValues.lookupOrd(ord).utf8ToString(), languageCounts[ord], Integer::sum);
        }
        for (int ord = 0; ord < topicCounts.length; ord++) {
            if (topicCounts[ord] > 0) topics.merge(topicValues.lookupOrd(ord).utf8ToString(), topicCounts[ord], Integer::sum);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
