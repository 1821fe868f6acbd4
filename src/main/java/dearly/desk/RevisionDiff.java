package dearly.desk;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two revisions, field by field, word by word (java-diff-utils' Myers diff
 * over words and the spaces between them), as runs of text that stayed, went or came. The page
 * marks each run with {@code <del>} or {@code <ins>} and words a screen reader says, never by colour alone.
 */
public record RevisionDiff(int from, int to, List<Field> fields) {

    public enum Change { SAME, REMOVED, ADDED }

    /** A run of text and what happened to it. */
    public record Run(Change change, String text) {}

    /** One field of the letter: its message key and what changed in it (no runs changed: the same). */
    public record Field(String key, List<Run> runs) {
        public boolean changed() {
            return runs.stream().anyMatch(run -> run.change() != Change.SAME);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    static RevisionDiff between(Revision older, Revision newer, List<String> olderTopics, List<String> newerTopics) {
        DraftWords a = older.words(), b = newer.words();
        return new RevisionDiff(older.number(), newer.number(), List.of(
                field("desk.draft.headline", a.headline(), b.headline()),
                field("desk.draft.standfirst", a.standfirst(), b.standfirst()),
                field("desk.draft.salutation", a.salutation(), b.salutation()),
                field("desk.draft.body", a.body(), b.body()),
                field("desk.draft.sign-off", a.signOff(), b.signOff()),
                field("desk.draft.topics", String.join(", ", olderTopics), String.join(", ", newerTopics))));
    }

    static Field field(String key, String older, String newer) {
        List<String> a = tokens(older), b = tokens(newer);
        List<Run> runs = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(runs, Change.SAME, a.subList(at, start));
            add(runs, Change.REMOVED, delta.getSource().getLines());
            add(runs, Change.ADDED, delta.getTarget().getLines());
            at = start + delta.getSource().size();
        }
        add(runs, Change.SAME, a.subList(at, a.size()));
        return new Field(key, List.copyOf(runs));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) tokens.add(token.group());
        return tokens;
    }

    private static void add(List<Run> runs, Change change, List<String> tokens) {
        if (tokens.isEmpty()) return;
        String text = String.join("", tokens);
        if (!runs.isEmpty() && runs.getLast().change() == change) {
            runs.set(runs.size() - 1, new Run(change, runs.getLast().text() + text));
        } else {
            runs.add(new Run(change, text));
        }
    }
}
