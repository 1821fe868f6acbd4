package dearly.admin;

import dearly.crisis.CrisisResource;
import dearly.language.Language;
import dearly.web.PostedFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A crisis resource exactly as an admin typed it, every value a string (empty, never null, for a
 * field not sent: see {@link PostedFields}), so that a form with mistakes comes back with nothing lost. {@link #problems} says what to fix; {@link #resource} is what is
 * stored once there is nothing to fix.
 *
 * <p>Unlike a parent's question, nothing here is silently cleaned beyond trimming the ends: a
 * number that reaches a parent in danger must be exactly what the admin checked, so an invisible
 * character is a mistake to show, not something to drop.
 *
 * @param country ISO 3166 alpha-2 code, any case, or {@link CrisisResource#EVERY_COUNTRY}
 * @param kind what it is for: a {@link CrisisResource.Kind#code()}
 * @param languages the codes of the languages it answers in; none when it answers only in others
 * @param source the page the number was copied from
 */
public record CrisisResourceForm(String country, String name, String phone, String url, String kind, List<String> languages,
        String source) {
    // The columns' sizes (V10__crisis_kinds.sql); PostgreSQL counts characters as code points, as here.
    public static final int NAME_MAX = 200, PHONE_MAX = 40, URL_MAX = 500;

    /** The kinds an admin chooses from, in the order the form offers them. */
    public static final List<String> KINDS = Arrays.stream(CrisisResource.Kind.values()).map(CrisisResource.Kind::code).toList();

    private static final Set<String> COUNTRIES = countries();
    // Digits, spaces, + ( ) - . / * # and letters for numbers such as 1-800-PPD-MOMS or *4141; ASCII only, as a keypad dials.
    private static final Pattern PHONE = Pattern.compile("[0-9A-Za-z +()\\-./*#]*[0-9][0-9A-Za-z +()\\-./*#]*");
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cc}");

    public CrisisResourceForm {
        languages = languages == null ? List.of() : languages.stream().filter(Objects::nonNull).toList();
    }

    /**
     * The admin's form as posted.
     *
     * @param sent each field as the request carries it, null when it was not sent
     * @param languages the ticked boxes' values
     */
    public static CrisisResourceForm fromFields(Function<String, String> sent, List<String> languages) {
        PostedFields field = new PostedFields(sent);
        return new CrisisResourceForm(field.get("country"), field.get("name"), field.get("phone"), field.get("url"),
                field.get("kind"), languages, field.get("source"));
    }

    public static CrisisResourceForm empty() {
        return new CrisisResourceForm("", "", "", "", "", List.of(), "");
    }

    public static CrisisResourceForm of(CrisisResource resource) {
        return new CrisisResourceForm(resource.country(), resource.name(), orEmpty(resource.phone()), orEmpty(resource.url()),
                resource.kind().code(), resource.languages().stream().map(Language::code).toList(), orEmpty(resource.source()));
    }

    /** Whether the box for this language code is ticked. */
    public boolean answersIn(String languageCode) {
        return languages.contains(languageCode);
    }

    /** Field name to the key of the message to show beside it; empty when the resource can be stored. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String countryCode = countryCode();
        if (countryCode.isEmpty()) problems.put("country", "admin.crisis.problem.country.missing");
        else if (!COUNTRIES.contains(countryCode)) problems.put("country", "admin.crisis.problem.country.unknown");

        String name = name().strip();
        if (name.isEmpty()) problems.put("name", "admin.crisis.problem.name.missing");
        else if (length(name) > NAME_MAX) problems.put("name", "admin.crisis.problem.name.long");
        else if (INVISIBLE.matcher(name).find()) problems.put("name", "admin.crisis.problem.name.invisible");

        String phone = phone().strip();
        String url = url().strip();
        // A directory of helplines may be a web page alone; every other service is reached by phone.
        boolean pageAlone = kindOf().filter(kind -> kind == CrisisResource.Kind.DIRECTORY).isPresent() && !url.isEmpty();
        if (phone.isEmpty() && !pageAlone) problems.put("phone", "admin.crisis.problem.phone.missing");
        else if (phone.length() > PHONE_MAX) problems.put("phone", "admin.crisis.problem.phone.long");
        else if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) problems.put("phone", "admin.crisis.problem.phone.malformed");

        if (length(url) > URL_MAX) problems.put("url", "admin.crisis.problem.url.long");
        else if (!url.isEmpty() && !isWebAddress(url)) problems.put("url", "admin.crisis.problem.url.malformed");

        if (kindOf().isEmpty()) problems.put("kind", "admin.crisis.problem.kind");
        if (spoken().size() != Set.copyOf(languages).size()) problems.put("languages", "admin.crisis.problem.languages");

        String source = source().strip();
        if (source.isEmpty()) problems.put("source", "admin.crisis.problem.source.missing");
        else if (length(source) > URL_MAX) problems.put("source", "admin.crisis.problem.source.long");
        else if (!isWebAddress(source)) problems.put("source", "admin.crisis.problem.source.malformed");
        return problems;
    }

    /** The resource to store; only when {@link #problems} is empty. */
    public CrisisResource resource() {
        if (!problems().isEmpty()) throw new IllegalStateException("a crisis resource with problems cannot be stored");
        return new CrisisResource(countryCode(), name().strip(), orNull(phone()), orNull(url()), kindOf().orElseThrow(),
                spoken(), source().strip());
    }

    private String countryCode() {
        return country.strip().toUpperCase(Locale.ROOT);
    }

    private Optional<CrisisResource.Kind> kindOf() {
        String typed = kind.strip();
        return KINDS.contains(typed) ? Optional.of(CrisisResource.Kind.fromCode(typed)) : Optional.empty();
    }

    /** Every ISO country, and the code of the resources listed for every country. */
    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
        codes.add(CrisisResource.EVERY_COUNTRY);
        return Set.copyOf(codes);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String typed) {
        String value = typed.strip();
        return value.isEmpty() ? null : value;
    }

    /** The ticked languages Dearly speaks, in Dearly's order, each once. */
    private List<Language> spoken() {
        return Arrays.stream(Language.values()).filter(language -> languages.contains(language.code())).toList();
    }

    /** A full http or https address: never javascript: or data:, which a parent's tap would run. */
    private static boolean isWebAddress(String url) {
        if (INVISIBLE.matcher(url).find()) return false;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
