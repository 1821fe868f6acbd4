package dearly.asking;

import java.util.List;

/** Her stored question turned back into the form she filled in, for editing. */
final class StoredForms {
    private StoredForms() {}

    static AskForm of(StoredQuestion stored) {
        Asker asker = stored.asker();
        List<AskForm.ChildForm> children = asker.children().stream()
                .map(child -> new AskForm.ChildForm(
                        nullToEmpty(child.firstName()),
                        child.birthDate() == null ? "" : child.birthDate().toString(),
                        child.ageMonths() == null ? "" : child.ageMonths().toString(),
                        child.sex() == null ? "" : child.sex().name().toLowerCase(java.util.Locale.ROOT),
                        child.multiple() == null ? "" : child.multiple().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return new AskForm(stored.question().title(), stored.question().body(), asker.firstName(), asker.surname(),
                asker.age() == null ? "" : asker.age().toString(), nullToEmpty(asker.city()), nullToEmpty(asker.country()),
                asker.role().name().toLowerCase(java.util.Locale.ROOT), nullToEmpty(asker.pseudonym()), asker.language().code(),
                nullToEmpty(asker.email()), true, children);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
