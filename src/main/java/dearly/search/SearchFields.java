package dearly.search;

import dearly.language.Language;
import dearly.letters.Letter;
import dearly.letters.LetterText;
import dearly.letters.Topic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * What the index holds of a letter, and only what its page shows anyone: headline, standfirst,
 * letter, topics, advisor and the byline as published (never a surname, an e-mail or a private
 * mark, which a letter does not carry). Each text goes in a field of the letter's language
 * ({@code body_en}, {@code body_es}), analysed with that language's stemmer.
 *
 * <p>Change {@link #VERSION} with any change to what is indexed or how it is analysed: every node
 * then rebuilds its index at start.
 */
final class SearchFields {
    static final String VERSION = "2";

    static final String ID = "id";
    static final String SLUG = "slug";
    static final String LANGUAGE = "language";
    static final String TOPIC = "topic";
    static final String PUBLISHED = "published";
    /** Where an imported letter came from: its id in the archive it came from, and its address there. */
    static final String EXTERNAL_ID = "external_id";
    static final String SOURCE_URL = "source_url";
    /** Every word of the letter, only folded: for typos and "did you mean". */
    static final String ALL = "all";

    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String TOPICS = "topics";
    static final String ADVISOR = "advisor";
    static final String BYLINE = "byline";
    static final List<String> TEXT = List.of(HEADLINE, STANDFIRST, BODY, TOPICS, ADVISOR, BYLINE);

    /**
     * How much a word found in each field counts: the headline is her question as the editor kept
     * it, so it says best what a letter is about; the topics next; the letter's own words last,
     * since a long letter touches many things in passing.
     */
    static final Map<String, Float> WEIGHTS = Map.of(
            HEADLINE, 3.0f, TOPICS, 2.0f, STANDFIRST, 1.5f, ADVISOR, 1.2f, BYLINE, 1.0f, BODY, 1.0f);

    /** The same weights by the name of each language's field ({@code headline_es}). */
    static final Map<String, Float> WEIGHT_OF = weightsByField();

    /** Stored, with positions and offsets in the postings, so snippets need no second analysis. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private SearchFields() {}

    static String in(String field, Language language) {
        return field + "_" + language.code();
    }

    static Term idTerm(long letterId) {
        return new Term(ID, Long.toString(letterId));
    }

    static Document of(Letter letter) {
        Language language = letter.language();
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(letter.id()), Field.Store.YES));
        document.add(new StoredField(SLUG, letter.slug()));
        document.add(new StringField(LANGUAGE, language.code(), Field.Store.YES));
        document.add(new SortedDocValuesField(LANGUAGE, new BytesRef(language.code())));
        long published = letter.publishedAt().toEpochMilli();
        document.add(new LongPoint(PUBLISHED, published));
        document.add(new StoredField(PUBLISHED, published));
        for (Topic topic : letter.topics()) {
            document.add(new StringField(TOPIC, topic.slug(), Field.Store.YES));
            document.add(new SortedSetDocValuesField(TOPIC, new BytesRef(topic.slug())));
        }
        Provenance provenance = provenance(letter);
        if (provenance.externalId() != null) document.add(new StoredField(EXTERNAL_ID, provenance.externalId()));
        if (provenance.sourceUrl() != null) document.add(new StoredField(SOURCE_URL, provenance.sourceUrl()));
        String topics = letter.topics().stream().map(topic -> topic.nameEn() + ". " + topic.nameEs())
                .collect(Collectors.joining(". "));
        String body = LetterText.plain(letter.bodyMarkdown());
        Map<String, String> texts = Map.of(
                HEADLINE, letter.headline(),
                STANDFIRST, letter.standfirst(),
                BODY, body,
                TOPICS, topics,
                ADVISOR, letter.advisor().displayName(),
                BYLINE, letter.byline());
        for (String field : TEXT) {
            document.add(new Field(in(field, language), texts.get(field), HIGHLIGHTED));
            document.add(new TextField(ALL, texts.get(field), Field.Store.NO));
        }
        return document;
    }

    /** An imported letter's origin; both null for a letter written here. */
    record Provenance(String externalId, String sourceUrl) {
        static final Provenance NONE = new Provenance(null, null);
    }

    /**
     * The one place that says where a letter came from: an imported letter's id in its archive and
     * the address it was first published at; null (absent in the API) for a letter written here.
     */
    static Provenance provenance(Letter letter) {
        return new Provenance(letter.externalId().isEmpty() ? null : letter.externalId(),
                letter.sourceUrl().isEmpty() ? null : letter.sourceUrl());
    }

    private static Map<String, Float> weightsByField() {
        Map<String, Float> weights = new java.util.HashMap<>();
        for (String field : TEXT) {
            for (Language language : Language.values()) weights.put(in(field, language), WEIGHTS.get(field));
        }
        return Map.copyOf(weights);
    }

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
