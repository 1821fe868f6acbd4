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
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, over every letter a query finds, the letters per topic and per language, each as the
 * other filter leaves them: choosing Spanish still shows how many letters each topic has in
 * Spanish, and still offers English with its count. Also counts the letters both filters keep, and
 * keeps the best of those: one pass over the letters found gives the page and its counts. Counts
 * are kept per ordinal and turned into words once a segment is done, not once a letter.
 */
final class FacetCounter extends SimpleCollector {
    private final String language;
    private final String topic;
    private final TopScoreDocCollector top;
    final Map<String, Integer> topics = new HashMap<>();
    final Map<String, Integer> languages = new HashMap<>();
    int matching;
    private TopDocs best;
    private LeafCollector topLeaf;
    private SortedDocValues languageValues;
    private SortedSetDocValues topicValues;
    /** In this segment: the chosen language's and topic's ordinals (-2 when none is chosen, -1 when absent). */
    private long languageKept;
    private long topicKept;
    private int[] languageCounts;
    private int[] topicCounts;

    /** @param language the language chosen, or null; @param topic the topic's slug chosen, or null */
    private FacetCounter(String language, String topic, TopScoreDocCollector top) {
        this.language = language;
        this.topic = topic;
        this.top = top;
    }

    /** @param best how many of the letters both filters keep to rank, best first */
    static CollectorManager<FacetCounter, FacetCounter> manager(String language, String topic, int best) {
        // Every letter is counted anyway, so no hit is skipped: the scores are those of a plain search.
        TopScoreDocCollectorManager tops = new TopScoreDocCollectorManager(Math.max(1, best), null, Integer.MAX_VALUE);
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() throws IOException {
                return new FacetCounter(language, topic, tops.newCollector());
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> counters) throws IOException {
                FacetCounter all = new FacetCounter(language, topic, null);
                List<TopScoreDocCollector> collectors = new ArrayList<>();
                for (FacetCounter counter : counters) {
                    counter.topics.forEach((key, count) -> all.topics.merge(key, count, Integer::sum));
                    counter.languages.forEach((key, count) -> all.languages.merge(key, count, Integer::sum));
                    all.matching += counter.matching;
                    collectors.add(counter.top);
                }
                all.best = tops.reduce(collectors);
                return all;
            }
        };
    }

    /** The best letters both filters keep, best first. */
    TopDocs best() {
        return best;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        topLeaf = top.getLeafCollector(context);
        languageValues = DocValues.getSorted(context.reader(), SearchFields.LANGUAGE);
        topicValues = DocValues.getSortedSet(context.reader(), SearchFields.TOPIC);
        languageKept = language == null ? -2 : Math.max(-1, languageValues.lookupTerm(new BytesRef(language)));
        topicKept = topic == null ? -2 : Math.max(-1, topicValues.lookupTerm(new BytesRef(topic)));
        languageCounts = new int[languageValues.getValueCount()];
        topicCounts = new int[Math.toIntExact(topicValues.getValueCount())];
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
        topLeaf.setScorer(scorer);
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
        if (languageOk && topicOk) {
            matching++;
            topLeaf.collect(doc);
        }
    }

    @Override
    public void finish() throws IOException {
        topLeaf.finish();
        for (int ord = 0; ord < languageCounts.length; ord++) {
            if (languageCounts[ord] > 0) languages.merge(languageValues.lookupOrd(ord).utf8ToString(), languageCounts[ord], Integer::sum);
        }
        for (int ord = 0; ord < topicCounts.length; ord++) {
            if (topicCounts[ord] > 0) topics.merge(topicValues.lookupOrd(ord).utf8ToString(), topicCounts[ord], Integer::sum);
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE;
    }
}
