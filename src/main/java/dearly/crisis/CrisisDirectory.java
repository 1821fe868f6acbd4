package dearly.crisis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.storage.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The crisis resources shown to a parent whose question shows signs of crisis, per country, and what
 * to do in immediate danger. Admins edit the directory; it starts from the bundled
 * {@code crisis-resources.json}, whose numbers are the services' own, each with its source: never invent one.
 */
public final class CrisisDirectory {
    private static final String BUNDLED = "/dearly/crisis/crisis-resources.json";

    private final Database database;
    private final JsonNode bundled;
    private final Map<String, String> spanishNames;

    public CrisisDirectory(Database database) {
        this.database = database;
        this.bundled = bundled();
        this.spanishNames = spanishNames(bundled);
    }

    /**
     * The resource as a parent reading in {@code language} should see it: a bundled entry whose name
     * the admins have not changed shows the bundle's Spanish name ({@code name_es}) to a Spanish
     * reader; an organisation's own name, and every name an admin wrote, shows as written.
     */
    public CrisisResource inLanguage(CrisisResource resource, Language language) {
        if (language != Language.ES) return resource;
        String spanish = spanishNames.get(entry(resource) + "\n" + resource.name());
        if (spanish == null) return resource;
        return new CrisisResource(resource.country(), spanish, resource.phone(), resource.url(), resource.kind(),
                resource.languages(), resource.source());
    }

    // Keyed by the entry (as in crisis_seed) and its English name, so an admin's new name is never overwritten.
    private static Map<String, String> spanishNames(JsonNode bundled) {
        Map<String, String> names = new java.util.HashMap<>();
        List<JsonNode> entries = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        bundled.get("every_country").forEach(resource -> {
            entries.add(resource);
            countries.add(CrisisResource.EVERY_COUNTRY);
        });
        for (Map.Entry<String, JsonNode> country : bundled.get("countries").properties()) {
            country.getValue().forEach(resource -> {
                entries.add(resource);
                countries.add(country.getKey());
            });
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i);
            if (!resource.hasNonNull("name_es")) continue;
            names.put(entry(bundled(countries.get(i), resource)) + "\n" + resource.get("name").asText(), resource.get("name_es").asText());
        }
        return Map.copyOf(names);
    }

    /**
     * Puts in the directory every bundled entry never offered before, each last in its country's
     * list, and the texts for immediate danger where there are none, in one transaction. An entry is
     * offered once: an admin's edit or removal stands, and a new release adds only the lines it brings.
     * Safe when several nodes start at once.
     */
    public void seed() {
        database.write(handle -> {
            for (Map.Entry<String, JsonNode> fallback : bundled.get("fallback").properties()) {
                handle.createUpdate("""
                                INSERT INTO crisis_fallback (language, message) VALUES (:language, :message)
                                ON CONFLICT (language) DO NOTHING""")
                        .bind("language", fallback.getKey())
                        .bind("message", fallback.getValue().asText())
                        .execute();
            }
            // Most starts find every entry offered already: one read, and nothing to write.
            Set<String> offered = new HashSet<>(handle.createQuery("SELECT entry FROM crisis_seed").mapTo(String.class).list());
            List<CrisisResource> bundle = bundledResources();
            for (CrisisResource resource : bundle) {
                if (offered.contains(entry(resource))) continue;
                // A node starting at the same moment waits here for the other's commit, then claims nothing.
                int claimed = handle.createUpdate("INSERT INTO crisis_seed (entry) VALUES (:entry) ON CONFLICT (entry) DO NOTHING")
                        .bind("entry", entry(resource))
                        .execute();
                if (claimed == 0 || listedAlready(handle, resource)) continue;
                int last = handle.createQuery("SELECT COUNT(*) FROM crisis_resource WHERE country = :country")
                        .bind("country", resource.country())
                        .mapTo(Integer.class)
                        .one();
                CrisisRows.insert(handle, resource, last);
            }
            // A row stored before sources were kept learns its source while its number is still the bundle's.
            Map<String, String> sources = new HashMap<>();
            bundle.forEach(resource -> sources.putIfAbsent(entry(resource), resource.source()));
            List<Map.Entry<Long, String>> unsourced = handle.createQuery(
                            "SELECT id, country, phone, url FROM crisis_resource WHERE source IS NULL")
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("country") + " "
                            + (rs.getString("phone") != null ? rs.getString("phone") : rs.getString("url"))))
                    .list();
            for (Map.Entry<Long, String> row : unsourced) {
                String source = sources.get(row.getValue());
                if (source == null) continue;
                handle.createUpdate("UPDATE crisis_resource SET source = :source WHERE id = :id")
                        .bind("source", source)
                        .bind("id", row.getKey())
                        .execute();
            }
            return null;
        });
    }

    /** The resources a country lists itself (ISO 3166 code, any case), in the admins' order; none for an unknown or blank code. */
    public List<CrisisResource> forCountry(String isoCode) {
        return code(isoCode).map(this::listed).orElse(List.of());
    }

    /**
     * The help for a parent in that country facing dangers that call for these kinds of service:
     * the country's emergency numbers first, then its services of those kinds in the admins' order, then
     * the directories of helplines, its own and those listed for every country. Even an unknown or
     * blank country gets the directories for every country.
     */
    public List<CrisisResource> forCountryAndKinds(String isoCode, Collection<Kind> kinds) {
        List<CrisisResource> shown = new ArrayList<>();
        for (CrisisResource resource : forCountry(isoCode)) {
            if (resource.kind().always() || kinds.contains(resource.kind())) shown.add(resource);
        }
        shown.addAll(listed(CrisisResource.EVERY_COUNTRY));
        shown.sort(Comparator.comparingInt(resource -> switch (resource.kind()) {
            case EMERGENCY -> 0;
            case DIRECTORY -> 2;
            default -> 1;
        }));
        return List.copyOf(shown);
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

    private List<CrisisResource> listed(String country) {
        return database.read(handle -> handle.createQuery("SELECT " + CrisisRows.COLUMNS + """
                         FROM crisis_resource
                        WHERE country = :country ORDER BY position, id""")
                .bind("country", country)
                .map((rs, ctx) -> CrisisRows.resource(rs))
                .list());
    }

    private static Optional<String> code(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) return Optional.empty();
        return Optional.of(isoCode.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether an admin already listed the same number (or page) for the country before the bundle brought it. */
    private static boolean listedAlready(Handle handle, CrisisResource resource) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM crisis_resource
                        WHERE country = :country AND (phone = :phone OR (phone IS NULL AND url = :url))""")
                .bind("country", resource.country())
                .bind("phone", resource.phone())
                .bind("url", resource.url())
                .mapTo(Integer.class)
                .one() > 0;
    }

    /** How a bundled entry is known in {@code crisis_seed}: its country and its number, or its web page. */
    private static String entry(CrisisResource resource) {
        return resource.country() + " " + (resource.phone() != null ? resource.phone() : resource.url());
    }

    /** Every bundled entry: those for every country first, then each country's in the file's order. */
    List<CrisisResource> bundledResources() {
        List<CrisisResource> resources = new ArrayList<>();
        bundled.get("every_country").forEach(resource -> resources.add(bundled(CrisisResource.EVERY_COUNTRY, resource)));
        for (Map.Entry<String, JsonNode> country : bundled.get("countries").properties()) {
            country.getValue().forEach(resource -> resources.add(bundled(country.getKey(), resource)));
        }
        return resources;
    }

    private static CrisisResource bundled(String country, JsonNode resource) {
        List<Language> languages = new ArrayList<>();
        resource.path("languages").forEach(language -> Language.fromCode(language.asText()).ifPresent(languages::add));
        return new CrisisResource(country.toUpperCase(Locale.ROOT), resource.get("name").asText(), text(resource, "phone"),
                text(resource, "url"), Kind.fromCode(resource.get("kind").asText()), languages, text(resource, "source"));
    }

    private static String text(JsonNode resource, String field) {
        return resource.hasNonNull(field) ? resource.get(field).asText() : null;
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
