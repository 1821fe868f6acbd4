package dearly.asking;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dearly.language.Language;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The line above a published question, e.g. "Question from Paula G., 35, Medellín, Colombia. Mama to
 * 5-month-old baby boy Andrés." Rules beyond the obvious ones:
 *
 * <ul>
 *   <li>Only the surname's first letter is printed, whatever was stored. Age, city and country are left
 *       out when not given; an age outside 1–120 is a typo and left out too; a country that is not a
 *       known ISO 3166 alpha-2 code is left out; a city equal to the country's name is said once.
 *   <li>Typed text is trimmed and its spaces collapsed; a stray final period or comma after a city is
 *       dropped, but an abbreviation such as "D.C." keeps its period and no second one is added.
 *   <li>No children: no second sentence. Spanish "Parent" is "Madre o padre": Spanish has no everyday
 *       neutral word ("progenitor" is legal jargon), and this is what Spanish forms say.
 *   <li>Children are listed oldest first. Under 12 months a child is a baby: "baby boy Andrés", "un bebé
 *       de 5 meses". Older: "son Mateo", "daughter Sara", "3-year-old Alex" (sex not given); unnamed "a
 *       3-year-old son", "a 3-year-old". Spanish names the older child only: "Sara, de 3 años"; unnamed
 *       "una niña de 3 años", "un niño de 3 años" (generic masculine when sex not given, as "un bebé").
 *   <li>Children marked as multiples born on the same date (or a day apart, either side of midnight),
 *       or with the same age in months when no date is given, are one birth: two are twins, three
 *       triplets (the count decides, not the label); a lone "twin" is described as a single child.
 *       Names are printed only when every child of the group has one. Spanish says "mellizos" for a boy
 *       and a girl (they cannot be identical, and mellizos is the word for fraternal twins), otherwise
 *       the everyday "gemelos/gemelas", since the profile does not say whether they are identical.
 *   <li>Spanish items that carry an apposition ("Sara, de 3 años") close it with a comma before "y", and
 *       are separated by semicolons when there are three or more, as the RAE recommends.
 * </ul>
 */
public final class Byline {

    private Byline() {}

    /** The byline in {@code language}, with each child's age as it was on {@code askedOn}. */
    public static String of(AskerProfile asker, LocalDate askedOn, Language language) {
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(askedOn, "askedOn");
        Objects.requireNonNull(language, "language");
        boolean en = language == Language.EN;
        String byline = sentence((en ? "Question from " : "Pregunta de ") + String.join(", ", who(asker, language)));
        List<Group> groups = groups(asker.children(), askedOn);
        if (groups.isEmpty()) return byline;
        List<String> items = new ArrayList<>();
        for (Group group : groups) items.add(en ? english(group) : spanish(group));
        String children = en ? list(items, Language.EN) : spanishList(items, groups);
        return byline + " " + sentence(role(asker, en) + " " + children);
    }

    /** Name, age, city and country, each only when given. */
    private static List<String> who(AskerProfile asker, Language language) {
        List<String> parts = new ArrayList<>();
        String name = text(asker.firstName());
        parts.add((name.isEmpty() ? asker.firstName().strip() : name) + initial(asker.surnameInitial()));
        Integer age = asker.age();
        if (age != null && age >= 1 && age <= 120) {
            String pattern = language == Language.EN ? "{0,number,integer}" : "{0,plural,one{# año} other{# años}}";
            parts.add(new MessageFormat(pattern, uLocale(language)).format(new Object[] {age}));
        }
        String country = country(asker.country(), language);
        String city = place(asker.city());
        if (!city.isEmpty() && !city.equalsIgnoreCase(country)) parts.add(city);
        if (!country.isEmpty()) parts.add(country);
        return parts;
    }

    private static String initial(String surnameInitial) {
        String s = text(surnameInitial);
        if (s.isEmpty() || !Character.isLetter(s.codePointAt(0))) return "";
        return " " + new String(Character.toChars(s.codePointAt(0))).toUpperCase(Locale.ROOT) + ".";
    }

    private static String country(String code, Language language) {
        String cc = text(code).toUpperCase(Locale.ROOT);
        if (!cc.matches("[A-Z]{2}") || cc.equals("ZZ")) return "";
        String name = new ULocale("", cc).getDisplayCountry(uLocale(language));
        return name.equals(cc) ? "" : name; // ICU echoes codes it does not know
    }

    private static String role(AskerProfile asker, boolean en) {
        return switch (asker.role()) {
            case MAMA -> en ? "Mama to" : "Mamá de";
            case PAPA -> en ? "Papa to" : "Papá de";
            case PARENT -> en ? "Parent to" : "Madre o padre de";
        };
    }

    /** Children born together, or one child alone; {@code sex} is null unless all share one. */
    private record Group(List<Child> members, ChildAge age, LocalDate bornAbout) {
        Sex sex() {
            Sex first = members.getFirst().sex();
            return members.stream().allMatch(c -> c.sex() == first) ? first : null;
        }

        boolean mixed() {
            return members.stream().anyMatch(c -> c.sex() == Sex.GIRL) && members.stream().anyMatch(c -> c.sex() == Sex.BOY);
        }

        boolean named() {
            return members.stream().allMatch(c -> !text(c.firstName()).isEmpty());
        }

        String names(Language language) {
            return list(members.stream().map(c -> text(c.firstName())).toList(), language);
        }
    }

    private static List<Group> groups(List<Child> children, LocalDate askedOn) {
        List<List<Child>> births = new ArrayList<>();
        for (Child child : children) {
            List<Child> birth = child.multiple() == null ? null : births.stream()
                    .filter(b -> b.size() < 3 && b.getFirst().multiple() != null && sameBirth(b.getFirst(), child))
                    .findFirst().orElse(null);
            if (birth != null) birth.add(child);
            else births.add(new ArrayList<>(List.of(child)));
        }
        List<Group> groups = new ArrayList<>();
        for (List<Child> members : births) {
            Child oldest = members.stream().min(Comparator.comparing(c -> ChildAge.bornAbout(c, askedOn))).orElseThrow();
            groups.add(new Group(members, ChildAge.of(oldest, askedOn), ChildAge.bornAbout(oldest, askedOn)));
        }
        groups.sort(Comparator.comparing(Group::bornAbout)); // stable: children of one age keep their order
        return groups;
    }

    /** Twins can be born either side of midnight, so a day apart is still one birth. */
    private static boolean sameBirth(Child a, Child b) {
        if (a.birthDate() != null && b.birthDate() != null) {
            return Math.abs(a.birthDate().toEpochDay() - b.birthDate().toEpochDay()) <= 1;
        }
        return a.birthDate() == null && b.birthDate() == null && a.ageMonths().equals(b.ageMonths());
    }

    /** "5-month-old baby boy Andrés", "a 3-year-old daughter", "5-month-old twin girls Ana and Eva". */
    private static String english(Group group) {
        ChildAge age = group.age();
        Sex sex = group.sex();
        String noun;
        if (group.members().size() > 1) {
            String kind = group.members().size() == 2 ? "twin" : "triplet";
            noun = sex == null ? kind + "s" : kind + (sex == Sex.GIRL ? " girls" : " boys");
            return words(age.english(), noun, group.named() ? group.names(Language.EN) : "");
        }
        if (age.isBaby()) noun = sex == null ? "baby" : sex == Sex.GIRL ? "baby girl" : "baby boy";
        else noun = sex == null ? "" : sex == Sex.GIRL ? "daughter" : "son";
        if (group.named()) return words(age.english(), noun, group.names(Language.EN));
        return words(age.englishArticle(), age.english(), noun);
    }

    /** "Andrés, un bebé de 5 meses", "una niña de 3 años", "los gemelos Andrés y Mateo, de 5 meses". */
    private static String spanish(Group group) {
        ChildAge age = group.age();
        boolean feminine = group.sex() == Sex.GIRL;
        boolean named = group.named();
        if (group.members().size() > 1) {
            String noun = group.members().size() == 3 ? (feminine ? "trillizas" : "trillizos")
                    : group.mixed() ? "mellizos" : feminine ? "gemelas" : "gemelos";
            String ageText = age.spanish(feminine, true);
            if (!named) return noun + " " + ageText;
            return (feminine ? "las " : "los ") + noun + " " + group.names(Language.ES) + ", " + ageText;
        }
        String ageText = age.spanish(feminine, false);
        String phrase;
        if (age.isBaby()) phrase = (feminine ? "una bebé " : "un bebé ") + ageText;
        else phrase = named ? ageText : (feminine ? "una niña " : "un niño ") + ageText;
        return named ? group.names(Language.ES) + ", " + phrase : phrase;
    }

    /** Joins Spanish items, closing each apposition ("Sara, de 3 años") with a comma before "y". */
    private static String spanishList(List<String> items, List<Group> groups) {
        int last = items.size() - 1;
        boolean appositions = groups.subList(0, last).stream().anyMatch(Group::named);
        if (!appositions) return list(items, Language.ES);
        String head = String.join("; ", items.subList(0, last)) + ",";
        return list(List.of(head, items.get(last)), Language.ES); // ICU still turns "y" into "e" before "Isabel"
    }

    private static String list(List<String> items, Language language) {
        return ListFormatter.getInstance(uLocale(language)).format(items);
    }

    private static String words(String... words) {
        return String.join(" ", Arrays.stream(words).filter(w -> !w.isEmpty()).toList());
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /** Trimmed, inner runs of spaces collapsed, stray commas or semicolons at either end dropped. */
    private static String text(String typed) {
        if (typed == null) return "";
        return typed.replaceAll("[\\s\\p{Z}]+", " ").replaceAll("^[ ,;:]+|[ ,;:]+$", "");
    }

    /** Like {@link #text} but a final period goes too, unless it ends an abbreviation such as "D.C.". */
    private static String place(String typed) {
        String s = text(typed);
        while (s.endsWith(".") && !s.substring(s.lastIndexOf(' ') + 1, s.length() - 1).contains(".")) {
            s = text(s.substring(0, s.length() - 1));
        }
        return s;
    }

    private static ULocale uLocale(Language language) {
        return ULocale.forLocale(language.locale());
    }
}
