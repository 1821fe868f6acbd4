package dearly.asking;

import java.time.LocalDate;

/**
 * One of the asker's children as she described it. Either the birth date or the age in months
 * when she asked is known: a parent who gives the date lets the byline say "3-week-old".
 *
 * @param firstName optional; a child without a name is "a baby" in the byline
 * @param birthDate optional
 * @param ageMonths age in whole months at the time of asking, used when there is no birth date
 * @param sex optional
 * @param multiple optional: twins or triplets, born with the siblings that share the birth date or age
 */
public record Child(String firstName, LocalDate birthDate, Integer ageMonths, Sex sex, Multiple multiple) {
    public Child {
        if (firstName != null && firstName.isBlank()) firstName = null;
        if (birthDate == null && ageMonths == null) {
            throw new IllegalArgumentException("a child needs a birth date or an age");
        }
        if (ageMonths != null && ageMonths < 0) throw new IllegalArgumentException("age in months is negative");
    }
}
