package dearly.search;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * For {@link SearchBench} only: letters ranked by meaning, with the quantised all-MiniLM-L6-v2 model
 * (the one crisis signs use), alone and fused with Dearly's words by reciprocal rank, to measure
 * whether embeddings help before building them into the index. Nearest by brute force: a few
 * thousand dot products, exact, so the figure is the model's and not HNSW's.
 */
final class MeaningRanking {
    /** Reciprocal rank fusion's usual constant: a rank counts 1 / (K + rank). */
    private static final int K = 60;
    private final EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    private final List<String> keys = new ArrayList<>();
    private final float[][] vectors;

    MeaningRanking(List<SearchBench.Target> archive) {
        for (SearchBench.Target letter : archive) keys.add(letter.key());
        List<TextSegment> texts = archive.stream()
                .map(letter -> TextSegment.from(letter.headline() + "\n" + letter.standfirst() + "\n" + letter.body())).toList();
        vectors = model.embedAll(texts).content().stream().map(embedding -> normalised(embedding.vector())).toArray(float[][]::new);
    }

    /** The letters nearest the text by meaning, best first. */
    List<String> nearest(String text, int n) {
        float[] query = normalised(model.embed(text).content().vector());
        return IntStream.range(0, vectors.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -dot(query, vectors[i])))
                .limit(n).map(keys::get).toList();
    }

    /** Two rankings fused by reciprocal rank, the one by meaning counting {@code weight}. */
    static List<String> fused(List<String> words, List<String> meaning, double weight, int n) {
        Map<String, Double> scores = new HashMap<>();
        for (int i = 0; i < words.size(); i++) scores.merge(words.get(i), 1.0 / (K + i + 1), Double::sum);
        for (int i = 0; i < meaning.size(); i++) scores.merge(meaning.get(i), weight / (K + i + 1), Double::sum);
        return scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static float[] normalised(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) unit[i] = (float) (vector[i] / norm);
        return unit;
    }
}
