package dearly.letters;

import dearly.web.PageMeta;
import io.javalin.http.Context;

/**
 * What another feature adds to the head of a letter, topic or advisor page: the letter's own share
 * image and structured data, the topic's or advisor's feeds. The feeds feature implements it; this
 * package only asks, so it does not depend on that feature.
 */
public interface ReadingHeads {
    PageMeta letter(Context ctx, PageMeta meta, Letter letter);

    PageMeta topic(Context ctx, PageMeta meta, Topic topic);

    PageMeta advisor(Context ctx, PageMeta meta, Advisor advisor);
}
