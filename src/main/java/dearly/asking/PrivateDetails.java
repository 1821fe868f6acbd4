package dearly.asking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an editor must remove from a question before it is published: e-mail addresses, phone
 * numbers, web addresses and street addresses, in English and Spanish ways of writing them. It
 * leans towards finding too much: a highlight the editor ignores costs a glance, a missed phone
 * number costs a parent her privacy.
 */
public final class PrivateDetails {

    /** Where in the text a private detail is, in UTF-16 indices ({@code text.substring(start, end)}). */
    public record PrivateDetail(Kind kind, int start, int end) {
        public enum Kind {
            EMAIL,
            PHONE,
            URL,
            STREET_ADDRESS
        }

        public PrivateDetail {
            if (kind == null || start < 0 || end <= start) throw new IllegalArgumentException("a private detail is a non-empty span");
        }
    }

    private record Finder(PrivateDetail.Kind kind, Pattern pattern, BiPredicate<String, Matcher> accepts) {
        Finder(PrivateDetail.Kind kind, String regex) {
            this(kind, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS), (text, found) -> true);
        }
    }

    private static final String TOP_LEVEL_DOMAINS = "com|org|net|edu|gov|info|io|co|me|app|dev|blog|shop|online|site|xyz|ly|tv"
            + "|es|mx|ar|cl|pe|uk|us|ca|de|fr|it|br|ve|ec|uy|py|bo|cr|gt|hn|ni|pa|sv|do|cu|pr|eu|au|nz|in";
    private static final String NAME_WORD = "(?:(?:de|del|la|las|los|el|y)\\s+)*\\p{Lu}[\\p{L}.'-]*";
    // Words that, after a number, say "how many" rather than start a street's name: "2 blocks down the street".
    private static final String NOT_A_NAME = "(?!(?i:the|a|an|down|up|across|along|on|in|at|of|to|my|our|your|this|that|from|for|and|or"
            + "|times|blocks?|min|mins|minutes?|hr|hrs|hours?|days?|weeks?|months?|years?|miles?|km|kids|babies|different|more|other)\\b)";
    // A count after the number is not an address: "our apartment 2 years ago", "la calle Mayor 5 veces".
    private static final String NOT_A_COUNT = "(?!\\s*(?i:years?|months?|weeks?|days?|hours?|times|people|años?|meses|semanas?|días?|dias|horas?"
            + "|veces|personas)\\b)";
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\D(\\d{1,2})\\D((?:19|20)\\d\\d)|((?:19|20)\\d\\d)\\D(\\d{1,2})\\D(\\d{1,2})");
    private static final Pattern YEARS = Pattern.compile("(?:19|20)\\d\\d\\D+(?:19|20)\\d\\d");
    private static final Pattern MONEY_BEFORE = Pattern.compile("[$€£]\\s*$");
    private static final Pattern AMOUNT_AFTER = Pattern.compile("^\\s*(?i:ml|oz|kg|g|gr|grams|gramos|lb|lbs|cm|mm|km|mg|kcal|calories|calorías"
            + "|steps|pasos|pesos|dollars|dólares|dolares|euros|usd|cop|mxn|eur)\\b", Pattern.UNICODE_CHARACTER_CLASS);

    // In order of precedence: an e-mail's domain is not also a web address, an address's numbers not a phone.
    private static final List<Finder> FINDERS = List.of(
            new Finder(PrivateDetail.Kind.EMAIL, "(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.\\p{L}{2,}(?![\\w-])"),
            new Finder(PrivateDetail.Kind.EMAIL, "(?<![\\w.+-])[\\w.+-]+\\s*(?:\\(at\\)|\\[at\\]|\\s(?i:at|arroba)\\s)\\s*[\\w-]+"
                    + "\\s*(?:\\.|\\(dot\\)|\\[dot\\]|\\s(?i:dot|punto)\\s)\\s*(?i:" + TOP_LEVEL_DOMAINS + ")(?![\\w-])"),
            new Finder(PrivateDetail.Kind.URL, "(?i:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]}'»…]"),
            new Finder(PrivateDetail.Kind.URL, "(?<![\\w@.-])(?:[\\w-]+\\.)+(?i:" + TOP_LEVEL_DOMAINS + ")(?::\\d{2,5})?"
                    + "(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)\\]}'»…]|/)?(?![\\w-])"),
            // Colombian numbering: "Calle 10 # 43-12", "Cra. 7 #45-10", "Carrera 43A No. 12-30".
            new Finder(PrivateDetail.Kind.STREET_ADDRESS, "(?<!\\w)(?i:calle|cl|cll|carrera|cra|kra|kr|cr|avenida|av|avda|ak|ac|diagonal|dg"
                    + "|transversal|tv|tr|circular|cq)\\.?\\s*\\d{1,3}\\s*(?i:[a-z](?!\\w))?(?:\\s*(?i:bis))?(?:\\s*(?i:sur|norte|este|oeste))?"
                    + "\\s*(?:#|(?i:no\\.?|n[°º]\\.?|n[uú]mero))\\s*\\d{1,3}\\s*(?i:[a-z](?!\\w))?\\s*(?:-\\s*\\d{1,3}(?i:[a-z])?)?(?!\\w)"),
            // A corner, the Colombian way: "Carrera 15 con Calle 93".
            new Finder(PrivateDetail.Kind.STREET_ADDRESS, "(?<!\\w)(?i:calle|cl|carrera|cra|kra|avenida|av|diagonal|dg|transversal|tv)\\.?"
                    + "\\s*\\d{1,3}\\s*(?i:[a-z](?!\\w))?\\s+(?i:con|y)\\s+(?i:calle|cl|carrera|cra|kra|avenida|av|diagonal|dg|transversal|tv)\\.?"
                    + "\\s*\\d{1,3}(?i:[a-z])?(?!\\w)"),
            // A named street and its number: "Av. Insurgentes Sur 1234", "Calle de Alcalá 23".
            new Finder(PrivateDetail.Kind.STREET_ADDRESS, "(?<!\\w)(?i:calle|avenida|av|avda|carrera|paseo|calzada|camino|carretera|boulevard"
                    + "|bulevar|blvd|plaza|pasaje|ronda|travesía|travesia|rua|rúa)\\.?\\s+" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,3},?"
                    + "\\s+(?:#\\s*|(?i:no\\.?|n[°º]\\.?)\\s*)?\\d{1,5}(?i:[a-z])?(?!\\w)" + NOT_A_COUNT),
            // A number, a name and the kind of street: "123 Main Street", "350 5th Ave".
            // Short or everyday words only capitalised: "a 2 hour drive" is not an address, "12 Abbey Way" is.
            new Finder(PrivateDetail.Kind.STREET_ADDRESS, "(?<![\\w.,])\\d{1,6}[a-zA-Z]?\\s+(?:" + NOT_A_NAME + "[\\p{L}\\d'.-]+\\s+){1,3}"
                    + "(?:(?i:street|avenue|road|boulevard|lane|drive|highway|parkway|terrace|crescent)"
                    + "|St|Ave|Rd|Blvd|Ln|Dr|Ct|Court|Pl|Place|Way|Close|Hwy|Pkwy)\\.?(?!\\w)"),
            new Finder(PrivateDetail.Kind.STREET_ADDRESS, "(?<!\\w)(?i:apt|apto|apartment|apartamento|depto|dpto|departamento|unit|suite|flat"
                    + "|torre|bloque|interior|int)\\.?\\s*#?\\s*(?:\\d{1,5}[a-zA-Z]?|[A-Z]\\d{0,4})(?!\\w)" + NOT_A_COUNT),
            new Finder(PrivateDetail.Kind.PHONE, Pattern.compile("(?<![\\w+])(?:\\+\\s?\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}"
                    + "(?:[ .-]?\\d{2,4}){1,5}(?!\\w)", Pattern.UNICODE_CHARACTER_CLASS), PrivateDetails::looksLikePhone));

    private PrivateDetails() {}

    /** The private details in the text, in order, never overlapping; empty when there are none. */
    public static List<PrivateDetail> in(String text) {
        List<PrivateDetail> found = new ArrayList<>();
        if (text == null || text.isEmpty()) return found;
        for (Finder finder : FINDERS) {
            Matcher matcher = finder.pattern().matcher(text);
            while (matcher.find()) {
                PrivateDetail detail = new PrivateDetail(finder.kind(), matcher.start(), matcher.end());
                if (finder.accepts().test(text, matcher) && found.stream().noneMatch(taken -> overlap(taken, detail))) found.add(detail);
            }
        }
        found.sort(Comparator.comparingInt(PrivateDetail::start));
        return joined(text, found);
    }

    // "Torre 2, Apto 503" and "123 Main Street, Apt 4B" are one address to remove, not two.
    private static List<PrivateDetail> joined(String text, List<PrivateDetail> sorted) {
        List<PrivateDetail> joined = new ArrayList<>();
        for (PrivateDetail detail : sorted) {
            PrivateDetail last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.kind() == PrivateDetail.Kind.STREET_ADDRESS && detail.kind() == last.kind()
                    && text.substring(last.end(), detail.start()).matches("[\\s,]*")) {
                joined.set(joined.size() - 1, new PrivateDetail(last.kind(), last.start(), detail.end()));
            } else {
                joined.add(detail);
            }
        }
        return joined;
    }

    // Seven to fifteen digits, and not a date, a span of years, an amount of money or a measure.
    private static boolean looksLikePhone(String text, Matcher found) {
        String number = found.group();
        long digits = number.chars().filter(Character::isDigit).count();
        if (digits < 7 || digits > 15) return false;
        if (!number.startsWith("+") && !number.startsWith("(") && (DATE.matcher(number).matches() || YEARS.matcher(number).matches())) return false;
        String before = text.substring(Math.max(0, found.start() - 3), found.start());
        String after = text.substring(found.end(), Math.min(text.length(), found.end() + 12));
        return !MONEY_BEFORE.matcher(before).find() && !AMOUNT_AFTER.matcher(after).find();
    }

    private static boolean overlap(PrivateDetail a, PrivateDetail b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
