package dearly.audit;

import java.time.Instant;
import java.util.Optional;

/** One line of the audit log: who, what, when, on what, and for an override the reason she wrote. */
public record AuditEntry(long id, Instant at, Actor who, String action, Subject on, String detail, Optional<String> reason) {}
