package dearly.audit;

/**
 * Who did something: a staff account's id and her name as it was then (a later change of name does
 * not rewrite what she did). Built from the signed-in account by the caller, so the audit log needs
 * nothing from accounts and any feature, accounts included, can record in it.
 */
public record Actor(long id, String name) {
    public Actor {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an actor has a name");
    }
}
