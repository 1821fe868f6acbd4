package dearly.asking;

import dearly.language.Language;
import dearly.mail.Mail;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the ask form, the same for the web form and the API. Mistakes are values: a map
 * from field name to the key of the message to show beside it.
 */
public final class AskValidation {
    static final int TITLE_MIN = 10, TITLE_MAX = 200;
    static final int BODY_MIN = 50, BODY_MAX = 10_000;
    static final int AGE_MIN = 13, AGE_MAX = 80;
    static final int NAME_MAX = 100, CITY_MAX = 120, EMAIL_MAX = 254;
    static final int CHILD_MAX_YEARS = 18;
    /**
     * Parents count a baby's age in months up to about three years (the byline itself says "2-year-old"
     * from 24 months); an older child is given by birth date. So "200 months" is a typing slip, not an age.
     */
    static final int CHILD_MAX_MONTHS = 36;

    public record Result(Map<String, String> errors, Optional<NewQuestion> question) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private AskValidation() {}

    public static Result validate(AskForm form, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = Typed.line(form.title());
        String body = Typed.text(form.body());
        lengthBetween(errors, "title", title, TITLE_MIN, TITLE_MAX);
        lengthBetween(errors, "body", body, BODY_MIN, BODY_MAX);

        String firstName = required(errors, "first_name", Typed.line(form.firstName()), NAME_MAX);
        String surname = required(errors, "surname", Typed.line(form.surname()), NAME_MAX);
        Integer age = age(errors, Typed.line(form.age()));
        String city = optional(errors, "city", Typed.line(form.city()), CITY_MAX);
        String country = Countries.code(form.country()).orElse(null);
        if (Typed.line(form.country()).isEmpty()) errors.put("country", "ask.error.country.missing");
        else if (country == null) errors.put("country", "ask.error.country.unknown");
        Role role = switch (Typed.line(form.role()).toLowerCase(java.util.Locale.ROOT)) {
            case "mama" -> Role.MAMA;
            case "papa" -> Role.PAPA;
            case "parent" -> Role.PARENT;
            default -> {
                errors.put("role", "ask.error.role");
                yield null;
            }
        };
        String pseudonym = optional(errors, "pseudonym", Typed.line(form.pseudonym()), NAME_MAX);
        Language language = Language.fromCode(form.language()).orElse(null);
        if (language == null) errors.put("language", "ask.error.language");
        String email = Typed.line(form.email());
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !Mail.isAddress(email))) {
            errors.put("email", "ask.error.email");
        }
        if (!form.consent()) errors.put("consent", "ask.error.consent");
        List<Child> children = children(errors, form.children(), today);

        if (!errors.isEmpty()) return new Result(errors, Optional.empty());
        Asker asker = new Asker(firstName, surname, age, blankToNull(city), country, role, blankToNull(pseudonym), language,
                blankToNull(email), children);
        return new Result(Map.of(), Optional.of(new NewQuestion(asker, title, body)));
    }

    private static List<Child> children(Map<String, String> errors, List<AskForm.ChildForm> rows, LocalDate today) {
        List<Child> children = new ArrayList<>();
        // Refused before walking them: a list of 100,000 children must cost no more than a list of 9.
        if (rows.size() > AskForm.MAX_CHILDREN) {
            errors.put("children", "ask.error.children.many");
            return children;
        }
        for (int i = 0; i < rows.size(); i++) {
            AskForm.ChildForm row = rows.get(i);
            if (row.blank()) continue;
            String field = "children[" + i + "].";
            String name = optional(errors, field + "name", Typed.line(row.name()), NAME_MAX);
            LocalDate birthDate = null;
            Integer ageMonths = null;
            String typedDate = Typed.line(row.birthDate());
            String typedMonths = Typed.line(row.ageMonths());
            if (!typedDate.isEmpty()) {
                try {
                    birthDate = LocalDate.parse(typedDate);
                    if (birthDate.isAfter(today)) errors.put(field + "birth_date", "ask.error.child.future");
                    else if (birthDate.isBefore(today.minusYears(CHILD_MAX_YEARS))) errors.put(field + "birth_date", "ask.error.child.old");
                } catch (DateTimeParseException e) {
                    errors.put(field + "birth_date", "ask.error.child.date");
                }
            } else if (!typedMonths.isEmpty()) {
                ageMonths = wholeNumber(typedMonths);
                if (ageMonths == null || ageMonths > CHILD_MAX_MONTHS) errors.put(field + "age_months", "ask.error.child.months");
            } else {
                errors.put(field + "birth_date", "ask.error.child.when");
            }
            Sex sex = switch (Typed.line(row.sex()).toLowerCase(java.util.Locale.ROOT)) {
                case "" -> null;
                case "girl" -> Sex.GIRL;
                case "boy" -> Sex.BOY;
                default -> {
                    errors.put(field + "sex", "ask.error.child.sex");
                    yield null;
                }
            };
            Multiple multiple = switch (Typed.line(row.multiple()).toLowerCase(java.util.Locale.ROOT)) {
                case "" -> null;
                case "twins" -> Multiple.TWINS;
                case "triplets" -> Multiple.TRIPLETS;
                default -> {
                    errors.put(field + "multiple", "ask.error.child.multiple");
                    yield null;
                }
            };
            if ((birthDate != null || ageMonths != null) && !errors.keySet().stream().anyMatch(key -> key.startsWith(field))) {
                children.add(new Child(blankToNull(name), birthDate, ageMonths, sex, multiple));
            }
        }
        return children;
    }

    /**
     * The limits a field's message names, as {field, least, most}, for wording that states them (the
     * API's); the same numbers the checks above use.
     */
    static Object[] limits(String field) {
        String name = field.replaceFirst("^children\\[\\d+\\]\\.", "");
        return switch (name) {
            case "title" -> new Object[] {field, TITLE_MIN, TITLE_MAX};
            case "body" -> new Object[] {field, BODY_MIN, BODY_MAX};
            case "first_name", "surname", "pseudonym", "name" -> new Object[] {field, 1, NAME_MAX};
            case "city" -> new Object[] {field, 1, CITY_MAX};
            case "email" -> new Object[] {field, 1, EMAIL_MAX};
            case "age" -> new Object[] {field, AGE_MIN, AGE_MAX};
            case "birth_date" -> new Object[] {field, 0, CHILD_MAX_YEARS};
            case "age_months" -> new Object[] {field, 0, CHILD_MAX_MONTHS};
            case "children" -> new Object[] {field, 0, AskForm.MAX_CHILDREN};
            case "Idempotency-Key" -> new Object[] {field, 1, RetryKey.MAX_LENGTH};
            default -> new Object[] {field, 0, 0};
        };
    }

    private static Integer age(Map<String, String> errors, String typed) {
        if (typed.isEmpty()) return null;
        Integer age = wholeNumber(typed);
        if (age == null || age < AGE_MIN || age > AGE_MAX) {
            errors.put("age", "ask.error.age");
            return null;
        }
        return age;
    }

    private static void lengthBetween(Map<String, String> errors, String field, String text, int min, int max) {
        int length = Typed.length(text);
        if (length == 0) errors.put(field, "ask.error." + field + ".missing");
        else if (length < min) errors.put(field, "ask.error." + field + ".short");
        else if (length > max) errors.put(field, "ask.error." + field + ".long");
    }

    private static String required(Map<String, String> errors, String field, String text, int max) {
        if (text.isEmpty()) errors.put(field, "ask.error." + field + ".missing");
        else if (Typed.length(text) > max) errors.put(field, "ask.error.too-long");
        return text;
    }

    private static String optional(Map<String, String> errors, String field, String text, int max) {
        if (Typed.length(text) > max) errors.put(field, "ask.error.too-long");
        return text;
    }

    private static Integer wholeNumber(String text) {
        if (!text.matches("\\d{1,4}")) return null;
        return Integer.parseInt(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
