package dearly.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25, plus a fixed amount for each of her words a letter has at all, in any field (less for a
 * synonym or a typo's correction): a letter with more of her distinct words comes before one that has a single rare
 * word, or one common word many times. Norms are BM25's, so the index is the same.
 */
final class CoverageSimilarity extends Similarity {
    private final BM25Similarity bm25 = new BM25Similarity();
    private final float perWord;

    CoverageSimilarity(float perWord) {
        this.perWord = perWord;
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        return bm25.computeNorm(state);
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        SimScorer scorer = bm25.scorer(boost, collection, terms);
        // Whatever field she is found in: the field's weight already counts in BM25's part; her word's own
        // weight (a synonym or a typo's correction counts less) counts here too.
        Float field = SearchFields.WEIGHT_OF.get(collection.field());
        float found = perWord * (field == null ? boost : boost / field);
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return scorer.score(freq, norm) + found;
            }

            @Override
            public Explanation explain(Explanation freq, long norm) {
                return Explanation.match(score(freq.getValue().floatValue(), norm), "BM25 plus the word found, from:",
                        scorer.explain(freq, norm), Explanation.match(found, "word found"));
            }
        };
    }
}
