package dearly.language;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
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

    /** How long, in its largest whole unit, as readers say it: "45 minutes", "3 hours", "2 días". */
    public static String duration(Duration duration, Language language) {
        long minutes = Math.max(0, duration.toMinutes());
        Measure measure = minutes < 60 ? new Measure(minutes, MeasureUnit.MINUTE)
                : minutes < 48 * 60 ? new Measure(minutes / 60, MeasureUnit.HOUR)
                : new Measure(minutes / (24 * 60), MeasureUnit.DAY);
        return MeasureFormat.getInstance(ULocale.forLocale(language.locale()), MeasureFormat.FormatWidth.WIDE).format(measure);
    }
}
