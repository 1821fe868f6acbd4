package dearly.language;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Date;

/** Dates as readers write them: "24 November 2026" is "November 24, 2026" in English, "24 de noviembre de 2026" in Spanish. */
public final class Dates {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private Dates() {}

    public static String longDate(Instant instant, Language language) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, ULocale.forLocale(language.locale()));
        format.setTimeZone(UTC);
        return format.format(Date.from(instant));
    }
}
