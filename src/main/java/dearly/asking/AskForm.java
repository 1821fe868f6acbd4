package dearly.asking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ask form exactly as typed, every value a string, so that a form with mistakes can be shown
 * again with nothing lost. The JSON API fills the same record.
 */
public record AskForm(
        String title,
        String body,
        String firstName,
        String surname,
        String age,
        String city,
        String country,
        String role,
        String pseudonym,
        String language,
        String email,
        boolean consent,
        List<ChildForm> children) {

    /** One child's row. */
    public record ChildForm(String name, String birthDate, String ageMonths, String sex, String multiple) {
        public ChildForm {
            name = orEmpty(name);
            birthDate = orEmpty(birthDate);
            ageMonths = orEmpty(ageMonths);
            sex = orEmpty(sex);
            multiple = orEmpty(multiple);
        }

        public static ChildForm empty() {
            return new ChildForm("", "", "", "", "");
        }

        boolean blank() {
            return (name + birthDate + ageMonths + sex + multiple).isBlank();
        }
    }

    public static final int MAX_CHILDREN = 8;

    public AskForm {
        title = orEmpty(title);
        body = orEmpty(body);
        firstName = orEmpty(firstName);
        surname = orEmpty(surname);
        age = orEmpty(age);
        city = orEmpty(city);
        country = orEmpty(country);
        role = orEmpty(role);
        pseudonym = orEmpty(pseudonym);
        language = orEmpty(language);
        email = orEmpty(email);
        children = List.copyOf(children == null ? List.of() : children);
    }

    public static AskForm empty(String language) {
        return new AskForm("", "", "", "", "", "", "", "", "", language, "", false, List.of(ChildForm.empty()));
    }

    /**
     * Reads the form's fields; children are the rows {@code children[i].name} and so on, for i below
     * {@code child_rows}.
     */
    public static AskForm fromFields(Function<String, String> field) {
        int rows = Math.clamp(parseOr(field.apply("child_rows"), 1), 0, MAX_CHILDREN);
        List<ChildForm> children = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String prefix = "children[" + i + "].";
            children.add(new ChildForm(field.apply(prefix + "name"), field.apply(prefix + "birth_date"),
                    field.apply(prefix + "age_months"), field.apply(prefix + "sex"), field.apply(prefix + "multiple")));
        }
        return new AskForm(field.apply("title"), field.apply("body"), field.apply("first_name"), field.apply("surname"),
                field.apply("age"), field.apply("city"), field.apply("country"), field.apply("role"), field.apply("pseudonym"),
                field.apply("language"), field.apply("email"), "on".equals(field.apply("consent")) || "true".equals(field.apply("consent")),
                children);
    }

    public AskForm withChildren(List<ChildForm> rows) {
        return new AskForm(title, body, firstName, surname, age, city, country, role, pseudonym, language, email, consent, rows);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static int parseOr(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
