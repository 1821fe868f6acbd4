package dearly.asking;

import dearly.language.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A question as an editor reads it: her words with private details marked for removal, the profile
 * the byline is made from (never her surname beyond its initial, never her e-mail), and what the
 * crisis check found.
 */
public record DeskQuestion(
        Question question, AskerProfile asker, Optional<String> pseudonym, Set<String> crisisKinds,
        Optional<String> declineReply, Optional<Handled> handled, List<EditorMessage> messages, List<CrisisSign> signs) {

    /** What an editor did about an urgent question, in her own words. */
    public record Handled(Instant at, String by, String note) {}

    public DeskQuestion {
        handled = handled == null ? Optional.empty() : handled;
        messages = List.copyOf(messages == null ? List.of() : messages);
        signs = List.copyOf(signs == null ? List.of() : signs);
    }

    /**
     * The signs that made it urgent, for one kind: the sentences an editor reads to judge it, each
     * once, with the most literal way it was found (the check tells a sentence once per layer).
     */
    public List<CrisisSign> signsOf(String kind) {
        Map<String, CrisisSign> bySentence = new LinkedHashMap<>();
        signs.stream().filter(sign -> sign.kind().name().equals(kind))
                .forEach(sign -> bySentence.merge(sign.sentence(), sign,
                        (first, other) -> other.layer().ordinal() < first.layer().ordinal() ? other : first));
        return List.copyOf(bySentence.values());
    }

    public MarkedText markedTitle() {
        return MarkedText.of(question.title());
    }

    public MarkedText markedBody() {
        return MarkedText.of(question.body());
    }

    /**
     * Her public byline in a letter's language, with her children's ages on the day she asked, as
     * her calendar said it: in her country's zone, or {@code instanceZone} when it tells none.
     */
    public String byline(Language language, ZoneId instanceZone) {
        return Byline.of(asker, LocalDate.ofInstant(question.receivedAt(), AskerZones.of(asker.country(), instanceZone)), language);
    }

    public boolean urgent() {
        return !crisisKinds.isEmpty();
    }

    /** Urgent, and no editor has yet marked what was done about it. */
    public boolean waitingUrgent() {
        return urgent() && handled.isEmpty();
    }

    public boolean open() {
        return question.status().open();
    }
}
