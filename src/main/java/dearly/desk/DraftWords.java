package dearly.desk;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a draft says, as typed: headline, standfirst, salutation, the body in Markdown, the sign-off
 * and the topics it is filed under. Nothing is refused here (a draft keeps whatever was typed);
 * only NUL, which no database column takes, is left out.
 */
public record DraftWords(String headline, String standfirst, String salutation, String body, String signOff, List<Long> topicIds) {
    public DraftWords {
        headline = clean(headline);
        standfirst = clean(standfirst);
        salutation = clean(salutation);
        body = clean(body);
        signOff = clean(signOff);
        topicIds = topicIds == null ? List.of() : topicIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    private static String clean(String typed) {
        return typed == null ? "" : typed.replace("\u0000", "");
    }

    /** The topics as a revision keeps them: ids, comma-separated. */
    String topicsText() {
        return topicIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> topicsFrom(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::strip).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }
}
