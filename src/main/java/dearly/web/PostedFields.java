package dearly.web;

import java.util.Objects;
import java.util.function.Function;

/**
 * A posted form's fields by name, exactly as typed. A field the browser did not send (a box the
 * page did not have, a choice not made) reads as empty, as a box left empty does: the forms read
 * from it ({@code AskForm}, {@code CrisisResourceForm}) hold no nulls, and a form shown again
 * never shows one.
 *
 * @param sent each field's value as the request carries it, null when it was not sent ({@code ctx::formParam})
 */
public record PostedFields(Function<String, String> sent) {
    public PostedFields {
        Objects.requireNonNull(sent);
    }

    /** What was typed into this field; empty when it was not sent. */
    public String get(String name) {
        return Objects.requireNonNullElse(sent.apply(name), "");
    }
}
