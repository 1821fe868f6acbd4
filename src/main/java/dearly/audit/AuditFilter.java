package dearly.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which entries an admin asks for: by person (account id), action, subject (kind, and id if
 * given) and a time range [from, until); empty parts match everything.
 */
public record AuditFilter(Optional<Long> actorId, Optional<String> action, Optional<String> subjectKind,
        Optional<String> subjectId, Optional<Instant> from, Optional<Instant> until) {
    public static final AuditFilter ALL = new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
}
