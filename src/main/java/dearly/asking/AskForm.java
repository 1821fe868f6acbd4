package dearly.asking;

import dearly.web.PostedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ask form exactly as typed, every value a string, so that a form with mistakes can be shown
 * again with nothing lost. The JSON API fills the same record. No value is null: what was not sent
 * is empty (see {@link PostedFields}).
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
        public static ChildForm empty() {
            return new ChildForm("", "", "", "", "");
        }

        boolean blank() {
            return (name + birthDate + ageMonths + sex + multiple).isBlank();
        }
    }

    public static final int MAX_CHILDREN = 8;

    public AskForm {
        children = List.copyOf(children == null ? List.of() : children);
    }

    public static AskForm empty(String language) {
        return new AskForm("", "", "", "", "", "", "", "", "", language, "", false, List.of(ChildForm.empty()));
    }

    /**
     * Reads the form's fields; children are the rows {@code children[i].name} and so on, for i below
     * {@code child_rows}.
     *
     * @param sent each field as the request carries it, null when it was not sent
     */
    public static AskForm fromFields(Function<String, String> sent) {
        PostedFields field = new PostedFields(sent);
        int rows = Math.clamp(parseOr(field.get("child_rows"), 1), 0, MAX_CHILDREN);
        List<ChildForm> children = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String prefix = "children[" + i + "].";
            children.add(new ChildForm(field.get(prefix + "name"), field.get(prefix + "birth_date"),
                    field.get(prefix + "age_months"), field.get(prefix + "sex"), field.get(prefix + "multiple")));
        }
        return new AskForm(field.get("title"), field.get("body"), field.get("first_name"), field.get("surname"),
                field.get("age"), field.get("city"), field.get("country"), field.get("role"), field.get("pseudonym"),
                field.get("language"), field.get("email"), "on".equals(field.get("consent")) || "true".equals(field.get("consent")),
                children);
    }

    public AskForm withChildren(List<ChildForm> rows) {
        return new AskForm(title, body, firstName, surname, age, city, country, role, pseudonym, language, email, consent, rows);
    }

    private static int parseOr(String text, int fallback) {
        try {
            return text.isEmpty() ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
