package dearly.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled OpenAPI document, for tests that hold the code to it: its schemas as JSON Schema
 * validators (networknt, OpenAPI 3.1 dialect) and the field names each schema declares.
 */
public final class ApiDocument {
    private static final String URI = "https://dearly.invalid/api/v1/openapi.json";
    private static final JsonNode TREE = ApiReference.tree();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
            builder -> builder.schemas(Map.of(URI, TREE.toString())));

    private ApiDocument() {}

    public static JsonNode tree() {
        return TREE;
    }

    /** What is wrong with this JSON as the named component schema; empty when it conforms. */
    public static List<String> problems(String schemaName, String json) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(URI + "#/components/schemas/" + schemaName));
        return schema.validate(json, InputFormat.JSON, (context, schemaContext) -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    /** The properties the named schema declares. */
    public static Set<String> properties(String schemaName) {
        Set<String> names = new LinkedHashSet<>();
        TREE.at("/components/schemas/" + schemaName + "/properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The JSON field names Jackson writes for this answer type, to compare with a schema's. */
    public static Set<String> written(Class<?> type) {
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new java.util.TreeSet<>();
        for (BeanPropertyDefinition property : json.getSerializationConfig().introspect(json.constructType(type)).findProperties()) {
            names.add(property.getName());
        }
        return names;
    }
}
