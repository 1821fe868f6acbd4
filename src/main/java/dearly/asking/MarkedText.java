package dearly.asking;

import java.util.ArrayList;
import java.util.List;

/**
 * Question text cut into plain runs and private details (e-mail, phone, address, link), so a page
 * can mark what editors will remove before publication. Templates escape every run as usual.
 */
public record MarkedText(List<Run> runs) {

    /** @param detail the kind of private detail, or null for plain text */
    public record Run(String text, PrivateDetails.PrivateDetail.Kind detail) {
        public boolean marked() {
            return detail != null;
        }
    }

    public static MarkedText of(String text) {
        List<Run> runs = new ArrayList<>();
        int at = 0;
        for (PrivateDetails.PrivateDetail found : PrivateDetails.in(text)) {
            if (found.start() > at) runs.add(new Run(text.substring(at, found.start()), null));
            runs.add(new Run(text.substring(found.start(), found.end()), found.kind()));
            at = found.end();
        }
        if (at < text.length()) runs.add(new Run(text.substring(at), null));
        return new MarkedText(runs);
    }

    public boolean anyMarked() {
        return runs.stream().anyMatch(Run::marked);
    }

    /** The text with each private detail replaced by its kind in brackets: "write to [EMAIL]". */
    public String masked() {
        StringBuilder masked = new StringBuilder();
        for (Run run : runs) masked.append(run.marked() ? "[" + run.detail() + "]" : run.text());
        return masked.toString();
    }
}
