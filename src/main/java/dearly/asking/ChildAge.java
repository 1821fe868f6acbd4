package dearly.asking;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dearly.language.Language;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A child's age at the time of asking, in the unit a parent would say it in: newborn on the day of
 * birth (or at "0 months" when only months were given, i.e. still in the first four weeks), days
 * under 14 days, weeks under 8 weeks, months under 24 months, then years. Whole units, rounded down.
 */
record ChildAge(Unit unit, int amount) {

    enum Unit { NEWBORN, DAYS, WEEKS, MONTHS, YEARS }

    static final ChildAge NEWBORN = new ChildAge(Unit.NEWBORN, 0);

    /** The age on {@code askedOn}, from the birth date when given, else from the months given. */
    static ChildAge of(Child child, LocalDate askedOn) {
        LocalDate born = child.birthDate();
        if (born == null) return ofMonths(child.ageMonths());
        if (!born.isBefore(askedOn)) return NEWBORN; // born that day, or a birth date after asking (bad data)
        long days = ChronoUnit.DAYS.between(born, askedOn);
        if (days < 14) return new ChildAge(Unit.DAYS, (int) days);
        if (days < 56) return new ChildAge(Unit.WEEKS, (int) (days / 7));
        return ofMonths((int) Period.between(born, askedOn).toTotalMonths());
    }

    private static ChildAge ofMonths(int months) {
        if (months <= 0) return NEWBORN;
        if (months < 24) return new ChildAge(Unit.MONTHS, months);
        return new ChildAge(Unit.YEARS, months / 12);
    }

    /** The approximate birth date, to put the oldest child first when only an age in months is known. */
    static LocalDate bornAbout(Child child, LocalDate askedOn) {
        LocalDate born = child.birthDate() != null ? child.birthDate() : askedOn.minusMonths(child.ageMonths());
        return born.isAfter(askedOn) ? askedOn : born;
    }

    /** Under a year: "baby" in English, "bebé" in Spanish. */
    boolean isBaby() {
        return unit != Unit.YEARS && !(unit == Unit.MONTHS && amount >= 12);
    }

    /** English compound adjective, always singular: "newborn", "10-day-old", "5-month-old", "2-year-old". */
    String english() {
        if (unit == Unit.NEWBORN) return "newborn";
        String noun = unit.name().toLowerCase(Locale.ROOT).replaceAll("s$", ""); // "DAYS" -> "day"
        return format(Language.EN, "{0,number,integer}-" + noun + "-old");
    }

    /** Spanish complement that agrees with its noun: "de 1 mes", "de 5 meses", "recién nacidas". */
    String spanish(boolean feminine, boolean plural) {
        String pattern = switch (unit) {
            case NEWBORN -> "recién nacid" + (feminine ? "a" : "o") + (plural ? "s" : "");
            case DAYS -> "de {0,plural,one{# día} other{# días}}";
            case WEEKS -> "de {0,plural,one{# semana} other{# semanas}}";
            case MONTHS -> "de {0,plural,one{# mes} other{# meses}}";
            case YEARS -> "de {0,plural,one{# año} other{# años}}";
        };
        return format(Language.ES, pattern);
    }

    /** "a" or "an" before the English adjective, by how the number is said: "an 8-", "an 11-", "an 18-month-old". */
    String englishArticle() {
        String adjective = english();
        boolean vowelSound = adjective.startsWith("8") || adjective.startsWith("11-") || adjective.startsWith("18-");
        return vowelSound ? "an" : "a";
    }

    private String format(Language language, String pattern) {
        return new MessageFormat(pattern, ULocale.forLocale(language.locale())).format(new Object[] {amount});
    }
}
