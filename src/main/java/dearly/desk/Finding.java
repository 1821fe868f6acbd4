package dearly.desk;

import dearly.language.Language;
import dearly.language.Messages;

/**
 * One thing a check before publishing found: which check, in which field, the words it is about
 * and why, said in the editor's language. A finding holds publication back until the text is
 * changed or, where {@link #overridable()}, an editor overrides it with a written reason (which the
 * publishing step keeps in the audit log).
 *
 * @param words the words as they stand in the field (or the empty field's name when something is missing)
 * @param detail what the words were compared with, for the message (her child's age, "girl"), or empty
 */
public record Finding(Check check, Field field, String words, String detail) {

    /** Where in the public text: each is a part of the published page. */
    public enum Field { HEADLINE, STANDFIRST, SALUTATION, BODY, SIGN_OFF, QUESTION }

    /** How sure a check is that publishing would hurt: a warning is shown, a block stops publication. */
    public enum Severity { BLOCKS, WARNS }

    /** The checks, each with its severity and whether an editor may publish over it with a reason. */
    public enum Check {
        /** Her surname: only its initial is ever published. */
        SURNAME(Severity.BLOCKS, true),
        /** Her own e-mail address: never published, whatever the reason. */
        EMAIL(Severity.BLOCKS, false),
        /** Another e-mail address (the column's own, a service's): likely fine, worth a look. */
        OTHER_EMAIL(Severity.WARNS, true),
        /** A phone number: hers, or a helpline an advisor means to give (then override). */
        PHONE(Severity.BLOCKS, true),
        STREET_ADDRESS(Severity.BLOCKS, true),
        /** A person's name that is not hers, her chosen name, a child's or the advisor's. */
        NAME(Severity.BLOCKS, true),
        CHILD_AGE(Severity.BLOCKS, true),
        CHILD_SEX(Severity.BLOCKS, true),
        MISSING_SALUTATION(Severity.BLOCKS, true),
        MISSING_SIGN_OFF(Severity.BLOCKS, true),
        /** An e-mail, phone, address or link still in the question as published. */
        MARKED_IN_QUESTION(Severity.BLOCKS, true);

        private final Severity severity;
        private final boolean overridable;

        Check(Severity severity, boolean overridable) {
            this.severity = severity;
            this.overridable = overridable;
        }
    }

    public Finding {
        if (check == null || field == null) throw new IllegalArgumentException("a finding names its check and field");
        words = words == null ? "" : words;
        detail = detail == null ? "" : detail;
    }

    public Severity severity() {
        return check.severity;
    }

    public boolean overridable() {
        return check.overridable;
    }

    public boolean blocks() {
        return check.severity == Severity.BLOCKS;
    }

    /** What an editor reads: the field, the words and why, in her language. */
    public String message(Language language) {
        Messages messages = Messages.of(language);
        String fieldName = messages.get("desk.check.field." + field.name());
        return messages.format("desk.check." + check.name(), fieldName, words, detail);
    }
}
