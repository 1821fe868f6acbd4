package dearly.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dearly.language.Language;
import dearly.letters.ArchivedLetter;
import dearly.letters.ArchivedLetter.AdvisorName;
import dearly.letters.ArchivedLetter.TopicName;
import dearly.letters.Source;
import dearly.letters.Words;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dearly's own archive format: one published letter a line, as a JSON object (the README lists the
 * fields). Reading says what is wrong with a line in the archive's own field names.
 */
final class JsonlFormat {
    private final ObjectMapper json;

    JsonlFormat(ObjectMapper json) {
        this.json = json;
    }

    /** The letter a line holds; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    ArchivedLetter read(JsonNode line) {
        if (line == null || !line.isObject()) throw new IllegalArgumentException("the line is not a JSON object");
        Source source = new Source(required(line, "external_id"), text(line, "source_url"), text(line, "attribution"),
                text(line, "license"));
        String answer = text(line, "answer");
        String format = text(line, "answer_format");
        if (format.equals("text")) answer = PlainText.asMarkdown(answer);
        else if (!format.isEmpty() && !format.equals("markdown")) {
            throw new IllegalArgumentException("answer_format is \"" + format + "\", not \"markdown\" or \"text\"");
        }
        Words words = new Words(required(line, "title"), text(line, "question"), text(line, "salutation"), answer,
                text(line, "sign_off"));
        String code = required(line, "language");
        Language language = Language.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("language is \"" + code + "\", not \"en\" or \"es\""));
        return new ArchivedLetter(source, text(line, "slug"), words, text(line, "byline"), advisor(line), topics(line),
                language, publishedAt(line), strings(line, "old_paths"));
    }

    ObjectNode write(ArchivedLetter letter) {
        ObjectNode line = json.createObjectNode();
        Words words = letter.words();
        Source source = letter.source();
        line.put("external_id", source.externalId());
        line.put("slug", letter.slug());
        line.put("title", words.headline());
        line.put("question", words.standfirst());
        line.put("salutation", words.salutation());
        line.put("answer", words.bodyMarkdown());
        line.put("sign_off", words.signOff());
        line.put("byline", letter.byline());
        ObjectNode advisor = line.putObject("advisor");
        advisor.put("name", letter.advisor().name());
        advisor.put("slug", letter.advisor().slug());
        advisor.put("bio", letter.advisor().bio());
        ArrayNode topics = line.putArray("topics");
        for (TopicName topic : letter.topics()) {
            topics.addObject().put("slug", topic.slug()).put("en", topic.nameEn()).put("es", topic.nameEs());
        }
        line.put("language", letter.language().code());
        line.put("published_at", letter.publishedAt().toString());
        line.put("source_url", source.sourceUrl());
        line.put("attribution", source.attribution());
        line.put("license", source.license());
        ArrayNode oldPaths = line.putArray("old_paths");
        letter.oldPaths().forEach(oldPaths::add);
        return line;
    }

    private static AdvisorName advisor(JsonNode line) {
        JsonNode advisor = line.get("advisor");
        if (advisor != null && advisor.isTextual() && !advisor.asText().isBlank()) return new AdvisorName(advisor.asText(), null, null);
        if (advisor != null && advisor.isObject()) {
            String name = text(advisor, "name");
            if (name.isBlank()) throw new IllegalArgumentException("advisor has no name");
            return new AdvisorName(name, text(advisor, "slug"), text(advisor, "bio"));
        }
        throw new IllegalArgumentException("advisor is missing (a name, or {\"name\": ...})");
    }

    private static List<TopicName> topics(JsonNode line) {
        JsonNode topics = line.get("topics");
        if (topics == null || topics.isNull()) return List.of();
        if (!topics.isArray()) throw new IllegalArgumentException("topics is not a list");
        List<TopicName> names = new ArrayList<>();
        for (JsonNode topic : topics) {
            if (topic.isTextual() && !topic.asText().isBlank()) names.add(TopicName.named(topic.asText()));
            else if (topic.isObject()) names.add(new TopicName(text(topic, "slug"), text(topic, "en"), text(topic, "es")));
            else throw new IllegalArgumentException("topics holds something that is not a topic's name");
        }
        return names;
    }

    private static Instant publishedAt(JsonNode line) {
        String typed = required(line, "published_at");
        try {
            return OffsetDateTime.parse(typed).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("published_at is \"" + typed + "\", not a date and time such as 2024-05-01T09:30:00Z");
        }
    }

    private static List<String> strings(JsonNode line, String field) {
        JsonNode list = line.get(field);
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray()) throw new IllegalArgumentException(field + " is not a list");
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static String required(JsonNode line, String field) {
        String value = text(line, field);
        if (value.isBlank()) throw new IllegalArgumentException(field + " is missing");
        return value;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) return "";
        if (!value.isValueNode()) throw new IllegalArgumentException(field + " is not text");
        String text = value.asText();
        // PostgreSQL refuses it in text; checked here so that both databases take the same lines.
        if (text.indexOf('\u0000') >= 0) throw new IllegalArgumentException(field + " holds a NUL character (\\u0000)");
        return text;
    }
}
