package dearly.crisis;

import dearly.language.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** How a crisis resource is stored: one row of {@code crisis_resource}, languages as a comma-separated list. */
final class CrisisRows {
    static final String COLUMNS = "country, name, phone, url, kind, languages, source";

    private CrisisRows() {}

    /** Stores the resource at that place in its country's list; returns its id. */
    static long insert(Handle handle, CrisisResource resource, int position) {
        return handle.createQuery("""
                        INSERT INTO crisis_resource (country, position, name, phone, url, kind, languages, source)
                        VALUES (:country, :position, :name, :phone, :url, :kind, :languages, :source)
                        RETURNING id""")
                .bind("position", position)
                .bindMap(columns(resource))
                .mapTo(Long.class)
                .one();
    }

    /** The columns a resource fills, by parameter name. */
    static Map<String, Object> columns(CrisisResource resource) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("country", resource.country());
        columns.put("name", resource.name());
        columns.put("phone", resource.phone());
        columns.put("url", resource.url());
        columns.put("kind", resource.kind().code());
        columns.put("languages", resource.languages().stream().map(Language::code).collect(Collectors.joining(",")));
        columns.put("source", resource.source());
        return columns;
    }

    /** A resource from a row with the {@link #COLUMNS}. */
    static CrisisResource resource(ResultSet rs) throws SQLException {
        return new CrisisResource(rs.getString("country"), rs.getString("name"), rs.getString("phone"), rs.getString("url"),
                CrisisResource.Kind.fromCode(rs.getString("kind")), Arrays.stream(rs.getString("languages").split(","))
                        .map(Language::fromCode)
                        .flatMap(Optional::stream)
                        .toList(),
                rs.getString("source"));
    }
}
