package dearly.desk;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The review beside a draft: where it stands, what editors wrote, what the checks found, and the
 * actions this colleague may take now, with what she typed in them when one was refused.
 *
 * @param letterPath the published letter's address, while it is published
 * @param zone the instance's time zone, in which a publication time is typed and shown
 */
public record ReviewPanel(DraftState state, List<DraftNote> notes, List<Finding> findings, boolean editor, boolean saved,
        Optional<String> letterPath, Optional<java.time.Instant> publishAt, ZoneId zone, Typed typed) {

    /** What she typed in the review's forms, and the message key of what was wrong ("" for nothing). */
    public record Typed(String action, String problem, String comment, String changes, String when, String publishAt,
            String reason, String correction) {
        public static Typed nothing() {
            return new Typed("", "", "", "", "now", "", "", "");
        }
    }

    public boolean maySubmit() {
        return saved && state.submittable();
    }

    public boolean mayReview() {
        return editor && saved && state.reviewable();
    }

    public boolean published() {
        return state == DraftState.PUBLISHED;
    }

    public boolean blocked() {
        return findings.stream().anyMatch(Finding::blocks);
    }

    /** The message key that says where the draft stands. */
    public String stateKey() {
        return switch (state) {
            case DRAFTING -> "desk.review.state.drafting";
            case SUBMITTED -> "desk.review.state.submitted";
            case CHANGES_ASKED -> "desk.review.state.changes";
            case SCHEDULED -> "desk.review.state.scheduled";
            case PUBLISHED -> "desk.review.state.published";
            case UNPUBLISHED -> "desk.review.state.unpublished";
        };
    }

    /** The zone as an editor reads it beside a time: "America/Bogota (Colombia Time)", or "UTC". */
    public String zoneLabel(Locale locale) {
        if (zone instanceof java.time.ZoneOffset offset) return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        return zone.getId() + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    /** When a scheduled letter will be published, in the instance's zone, with the zone. */
    public String publishAtText(Locale locale) {
        return publishAt.map(at -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone)) + " " + zoneLabel(locale))
                .orElse("");
    }

    public boolean changes(DraftNote note) {
        return note.kind() == DraftNote.Kind.CHANGES;
    }
}
