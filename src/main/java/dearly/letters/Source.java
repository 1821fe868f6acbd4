package dearly.letters;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an imported letter came from: its id in that archive, where it was first published, whom to
 * credit and under which licence. A letter written on Dearly has none ({@link #NONE}).
 *
 * @param externalId the item's id in its archive; importing it again updates the letter. Empty for letters written here
 * @param sourceUrl an http(s) address, or empty
 * @param license an SPDX id such as {@code CC-BY-4.0}, or the archive's own words, or empty
 */
public record Source(String externalId, String sourceUrl, String attribution, String license) {
    public static final Source NONE = new Source("", "", "", "");

    /** CC BY and its kinds, as SPDX writes them ("CC-BY-SA-4.0") or people do ("CC BY-SA 4.0"). */
    private static final Pattern CREATIVE_COMMONS =
            Pattern.compile("CC[- ]BY((?:[- ](?:NC|ND|SA))*)(?:[- ](\\d\\.\\d))?", Pattern.CASE_INSENSITIVE);

    public Source {
        externalId = externalId == null ? "" : externalId.strip();
        sourceUrl = sourceUrl == null ? "" : sourceUrl.strip();
        attribution = attribution == null ? "" : attribution.strip();
        license = license == null ? "" : license.strip();
        if (!sourceUrl.isEmpty() && !isWebAddress(sourceUrl)) {
            throw new IllegalArgumentException("source_url is not an http or https address");
        }
    }

    public static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** True when the licence asks readers to be told whom the work is by (every Creative Commons BY licence). */
    public boolean licenceAsksForAttribution() {
        return creativeCommons().isPresent();
    }

    /** Whether the letter page shows a credit: the licence asks for it, or the archive gave one. */
    public boolean credited() {
        return licenceAsksForAttribution() || !attribution.isEmpty();
    }

    /** Whom the credit names: the attribution, else the source's site. */
    public String creditName() {
        if (!attribution.isEmpty() || sourceUrl.isEmpty()) return attribution;
        return URI.create(sourceUrl).getHost();
    }

    /** The licence as people name it ("CC BY-SA 4.0"), or as the archive wrote it. */
    public String licenceName() {
        return creativeCommons().map(cc -> "CC BY" + cc.kinds().toUpperCase(Locale.ROOT).replace(' ', '-')
                + (cc.version().isEmpty() ? "" : " " + cc.version())).orElse(license);
    }

    /** The licence's deed on creativecommons.org, when it is one of theirs. */
    public Optional<String> licenceUrl() {
        return creativeCommons().map(cc -> "https://creativecommons.org/licenses/by"
                + cc.kinds().toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + (cc.version().isEmpty() ? "4.0" : cc.version()) + "/");
    }

    private record CreativeCommons(String kinds, String version) {}

    private Optional<CreativeCommons> creativeCommons() {
        Matcher matcher = CREATIVE_COMMONS.matcher(license);
        if (!matcher.matches()) return Optional.empty();
        return Optional.of(new CreativeCommons(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2)));
    }
}
