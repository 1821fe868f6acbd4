package dearly.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document turned into what the reference page shows: each operation with its
 * parameters, body and answers, then each schema's fields with the limits they accept.
 */
public record ApiReferenceView(String title, String description, List<Operation> operations, List<Schema> schemas) {

    public record Operation(String method, String path, String summary, String description, List<Field> parameters,
            String body, List<Answer> answers) {
        public String anchor() {
            return (method + path).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        }
    }

    /** A parameter or a schema's property. */
    public record Field(String name, String where, String type, boolean required, String accepts, String description) {}

    public record Answer(String status, String description, String schema, List<Field> headers) {}

    public record Schema(String name, String description, String rule, List<Field> fields) {}

    /** A run of a description: plain text, or a `code span` as the document writes it. */
    public record Part(String text, boolean code) {}

    /** A description split at its backticks, so the page can show code spans while escaping everything. */
    public static List<Part> parts(String description) {
        List<Part> parts = new ArrayList<>();
        String[] runs = description.split("`", -1);
        for (int i = 0; i < runs.length; i++) {
            if (!runs[i].isEmpty()) parts.add(new Part(runs[i], i % 2 == 1));
        }
        return parts;
    }

    static ApiReferenceView of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                List<Field> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(field(parameter.path("name").asText(), parameter.path("in").asText(), parameter.path("schema"),
                            parameter.path("required").asBoolean(), parameter.path("description").asText()));
                }
                String body = schemaName(operation.at("/requestBody/content/application~1json/schema"));
                List<Answer> answers = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    JsonNode answer = resolve(document, response.getValue());
                    List<Field> headers = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> header : answer.path("headers").properties()) {
                        headers.add(field(header.getKey(), "header", header.getValue().path("schema"), true,
                                header.getValue().path("description").asText()));
                    }
                    answers.add(new Answer(response.getKey(), answer.path("description").asText(),
                            schemaName(answer.at("/content/application~1json/schema")), headers));
                }
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        operation.path("summary").asText(), operation.path("description").asText(), parameters, body, answers));
            }
        }
        List<Schema> schemas = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : document.at("/components/schemas").properties()) {
            JsonNode schema = entry.getValue();
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            List<Field> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                fields.add(field(property.getKey(), "", property.getValue(), required.contains(property.getKey()),
                        property.getValue().path("description").asText()));
            }
            String rule = schema.has("anyOf") ? "Needs at least one of: " + String.join(", ", anyOfNames(schema)) + "." : "";
            schemas.add(new Schema(entry.getKey(), schema.path("description").asText(), rule, fields));
        }
        JsonNode info = document.path("info");
        return new ApiReferenceView(info.path("title").asText(), info.path("description").asText(), operations, schemas);
    }

    private static List<String> anyOfNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("anyOf").forEach(choice -> choice.path("required").forEach(name -> names.add(name.asText())));
        return names;
    }

    private static Field field(String name, String where, JsonNode schema, boolean required, String description) {
        return new Field(name, where, type(schema), required, accepts(schema), description);
    }

    /** "string", "integer", "array of Child", "Advisor", "string or null". */
    static String type(JsonNode schema) {
        if (schema.has("$ref")) return schemaName(schema);
        JsonNode type = schema.path("type");
        List<String> names = new ArrayList<>();
        if (type.isArray()) type.forEach(each -> names.add(each.asText()));
        else names.add(type.asText());
        String name = String.join(" or ", names);
        if (name.equals("array")) return "array of " + type(schema.path("items"));
        return name;
    }

    /** What a field accepts, in words: its values, lengths, range, count and format. */
    static String accepts(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        if (schema.has("const")) parts.add("always " + schema.get("const"));
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.toString()));
            parts.add("one of " + String.join(", ", values));
        }
        if (schema.has("minLength") || schema.has("maxLength")) {
            parts.add(range(schema.path("minLength"), schema.path("maxLength"), " characters"));
        }
        if (schema.has("minimum") || schema.has("maximum")) parts.add(range(schema.path("minimum"), schema.path("maximum"), ""));
        if (schema.has("maxItems")) parts.add("at most " + schema.get("maxItems").asInt() + " items");
        if (schema.has("format")) parts.add("format " + schema.get("format").asText());
        if (schema.has("pattern")) parts.add("matching " + schema.get("pattern").asText());
        if (schema.has("default")) parts.add("default " + schema.get("default"));
        return String.join("; ", parts);
    }

    private static String range(JsonNode least, JsonNode most, String unit) {
        if (least.isMissingNode()) return "at most " + most.asLong() + unit;
        if (most.isMissingNode()) return "at least " + least.asLong() + unit;
        return least.asLong() + " to " + most.asLong() + unit;
    }

    private static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? (schema.isMissingNode() ? "" : type(schema)) : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#") ? document.at(ref.substring(1)) : node;
    }
}
