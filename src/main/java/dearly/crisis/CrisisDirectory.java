package dearly.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.language.Language;
import dearly.storage.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The crisis resources shown to a parent whose question shows signs of crisis, per country, and what
 * to do in immediate danger. Admins edit the directory; it starts from the bundled
 * {@code crisis-resources.json}, whose numbers are the services' own: never invent one.
 */
public final class CrisisDirectory {
    private static final String BUNDLED = "/dearly/crisis/crisis-resources.json";

    private final Database database;
    private final JsonNode bundled;

    public CrisisDirectory(Database database) {
        this.database = database;
        this.bundled = bundled();
    }

    /**
     * Fills the directory from the bundled file when it has never been filled (no resource and no
     * fallback text), in one transaction. Once filled, it is the admins': their edits are never
     * overwritten. Safe when several nodes start at once.
     */
    public void seedIfEmpty() {
        database.write(handle -> {
            long filled = handle.createQuery("SELECT (SELECT COUNT(*) FROM crisis_resource) + (SELECT COUNT(*) FROM crisis_fallback)")
                    .mapTo(Long.class)
                    .one();
            if (filled > 0) return false;
            int claimed = 0;
            for (Map.Entry<String, JsonNode> fallback : bundled.get("fallback").properties()) {
                // A node starting at the same moment waits here for the other's commit, then inserts nothing.
                claimed += handle.createUpdate("""
                                INSERT INTO crisis_fallback (language, message) VALUES (:language, :message)
                                ON CONFLICT (language) DO NOTHING""")
                        .bind("language", fallback.getKey())
                        .bind("message", fallback.getValue().asText())
                        .execute();
            }
            if (claimed == 0) return false;
            for (Map.Entry<String, JsonNode> country : bundled.get("countries").properties()) {
                int position = 0;
                for (JsonNode resource : country.getValue()) {
                    CrisisRows.insert(handle, bundled(country.getKey(), resource), position++);
                }
            }
            return true;
        });
    }

    /** The resources for a country (ISO 3166 code, any case) in the admins' order; none for an unknown or blank code. */
    public List<CrisisResource> forCountry(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) return List.of();
        String country = isoCode.strip().toUpperCase(Locale.ROOT);
        return database.read(handle -> handle.createQuery("""
                        SELECT country, name, phone, url, kind, languages FROM crisis_resource
                        WHERE country = :country ORDER BY position, id""")
                .bind("country", country)
                .map((rs, ctx) -> CrisisRows.resource(rs))
                .list());
    }

    /** What to do in immediate danger, in her language. Falls back to the bundled text if an admin removed it. */
    public String fallback(Language language) {
        Optional<String> stored = database.read(handle -> handle.createQuery(
                        "SELECT message FROM crisis_fallback WHERE language = :language")
                .bind("language", language.code())
                .mapTo(String.class)
                .findOne());
        return stored.filter(message -> !message.isBlank())
                .orElseGet(() -> bundled.get("fallback").get(language.code()).asText());
    }

    private static CrisisResource bundled(String country, JsonNode resource) {
        List<Language> languages = new ArrayList<>();
        resource.path("languages").forEach(language -> Language.fromCode(language.asText()).ifPresent(languages::add));
        return new CrisisResource(country.toUpperCase(Locale.ROOT), resource.get("name").asText(),
                resource.get("phone").asText(), resource.hasNonNull("url") ? resource.get("url").asText() : null,
                CrisisResource.Kind.fromCode(resource.get("kind").asText()), languages);
    }

    private static JsonNode bundled() {
        try (InputStream in = CrisisDirectory.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing " + BUNDLED);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
