package dearly.web;

import java.util.List;
import java.util.Optional;

/**
 * What a page's head tells link previews, search engines and feed readers beyond its title: the
 * image a shared link shows, its structured data, and the feeds a reader can subscribe to from it.
 * The feature that serves these (feeds) makes them; the layout only writes them out.
 *
 * @param structuredData JSON-LD, already safe inside a script element (every {@code <} escaped); empty for none
 */
public record PageHead(Optional<Image> image, String structuredData, List<Feed> feeds) {
    public static final PageHead NONE = new PageHead(Optional.empty(), "", List.of());

    public PageHead {
        image = image == null ? Optional.empty() : image;
        structuredData = structuredData == null ? "" : structuredData;
        feeds = List.copyOf(feeds);
        if (structuredData.indexOf('<') >= 0) throw new IllegalArgumentException("structured data must have its < escaped");
    }

    /** @param url absolute */
    public record Image(String url, int width, int height, String alt) {}

    /** @param type application/atom+xml or application/rss+xml; @param url absolute */
    public record Feed(String type, String title, String url) {}

    public PageHead withImage(Image image) {
        return new PageHead(Optional.of(image), structuredData, feeds);
    }

    public PageHead withStructuredData(String json) {
        return new PageHead(image, json, feeds);
    }

    /** These feeds first (the page's own), then the ones it had (the whole column's). */
    public PageHead withFeedsFirst(List<Feed> first) {
        return new PageHead(image, structuredData, java.util.stream.Stream.concat(first.stream(), feeds.stream()).toList());
    }
}
