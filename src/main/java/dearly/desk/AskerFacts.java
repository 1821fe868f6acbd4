package dearly.desk;

import dearly.asking.Asker;
import dearly.asking.Child;
import dearly.asking.Sex;
import dearly.asking.StoredQuestion;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the desk knows of the asker that the checks before publishing compare a letter with: what
 * must not be published (her surname, e-mail) and what a letter may name (her first name, chosen
 * name, children, the advisor who signs). Private: never shown on a page as it is.
 *
 * @param country ISO 3166 code, the region her phone numbers are read in; null when unknown
 * @param question her question's words, with the private details {@code asking} marks
 */
public record AskerFacts(String firstName, String surname, String pseudonym, String email, String country, String city,
        List<ChildFacts> children, String question, String advisorName) {

    /**
     * A child as the letter may describe it, on the day she asked: the name (or null), the age in whole
     * months and in days, the sex (null when she did not give it).
     */
    public record ChildFacts(String name, long ageMonths, long ageDays, Sex sex) {}

    public AskerFacts {
        children = List.copyOf(children == null ? List.of() : children);
    }

    /** The facts of a stored question; its children's ages are taken on the day she asked, as her byline gives them. */
    public static AskerFacts of(StoredQuestion stored, String advisorName) {
        Asker asker = stored.asker();
        LocalDate askedOn = LocalDate.ofInstant(stored.question().receivedAt(), ZoneOffset.UTC);
        List<ChildFacts> children = asker.children().stream().map(child -> childFacts(child, askedOn)).toList();
        return new AskerFacts(asker.firstName(), asker.surname(), asker.pseudonym(), asker.email(), asker.country(), asker.city(),
                children, stored.question().title() + "\n\n" + stored.question().body(), advisorName);
    }

    static ChildFacts childFacts(Child child, LocalDate askedOn) {
        if (child.birthDate() == null) {
            return new ChildFacts(child.firstName(), child.ageMonths(), Math.round(child.ageMonths() * 30.44), child.sex());
        }
        LocalDate born = child.birthDate().isAfter(askedOn) ? askedOn : child.birthDate();
        return new ChildFacts(child.firstName(), Period.between(born, askedOn).toTotalMonths(),
                ChronoUnit.DAYS.between(born, askedOn), child.sex());
    }
}
