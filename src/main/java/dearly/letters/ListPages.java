package dearly.letters;

/**
 * Links between the pages of a list of letters: newer (towards page 1) and older. Empty when there
 * is no such page.
 */
public record ListPages(String newer, String older) {
    /** @param path the list's address in the page's language */
    static ListPages of(String path, int page, boolean hasOlder) {
        String newer = page <= 1 ? "" : page == 2 ? path : path + "?page=" + (page - 1);
        String older = hasOlder ? path + "?page=" + (page + 1) : "";
        return new ListPages(newer, older);
    }

    public boolean any() {
        return !newer.isEmpty() || !older.isEmpty();
    }
}
