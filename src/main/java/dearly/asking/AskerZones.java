package dearly.asking;

import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.TimeZone.SystemTimeZoneType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zone a parent lives in, from her country, so that "5-month-old" counts months on her
 * calendar and not on UTC's. A country with one zone (ICU's canonical locations) has it. A country
 * with several is named below by the zone most of its people live in, the capital's or largest
 * city's ({@code AskerZonesTest} fails when ICU lists a country with several zones that the table
 * does not name). A country ICU does not know, or none, has the instance's zone
 * ({@code DEARLY_TIME_ZONE}). A mother in Western Australia is a day off at most near midnight:
 * the byline's age in months seldom changes for it.
 */
public final class AskerZones {
    static final Map<String, String> MOST_PEOPLE = Map.ofEntries(
            Map.entry("AR", "America/Argentina/Buenos_Aires"), Map.entry("AU", "Australia/Sydney"),
            Map.entry("BR", "America/Sao_Paulo"), Map.entry("CA", "America/Toronto"), Map.entry("CD", "Africa/Kinshasa"),
            Map.entry("CL", "America/Santiago"), Map.entry("CN", "Asia/Shanghai"), Map.entry("CY", "Asia/Nicosia"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("EC", "America/Guayaquil"), Map.entry("ES", "Europe/Madrid"),
            Map.entry("FM", "Pacific/Chuuk"), Map.entry("GL", "America/Nuuk"), Map.entry("ID", "Asia/Jakarta"),
            Map.entry("KI", "Pacific/Tarawa"), Map.entry("KZ", "Asia/Almaty"), Map.entry("MH", "Pacific/Majuro"),
            Map.entry("MN", "Asia/Ulaanbaatar"), Map.entry("MX", "America/Mexico_City"), Map.entry("MY", "Asia/Kuala_Lumpur"),
            Map.entry("NZ", "Pacific/Auckland"), Map.entry("PF", "Pacific/Tahiti"), Map.entry("PG", "Pacific/Port_Moresby"),
            Map.entry("PS", "Asia/Hebron"), Map.entry("PT", "Europe/Lisbon"), Map.entry("RU", "Europe/Moscow"),
            Map.entry("UA", "Europe/Kyiv"), Map.entry("US", "America/New_York"), Map.entry("UZ", "Asia/Tashkent"),
            // Places with few people, named so the test's rule holds everywhere.
            Map.entry("AQ", "Antarctica/McMurdo"), Map.entry("UM", "Pacific/Midway"));
    private static final Map<String, Optional<ZoneId>> BY_COUNTRY = new ConcurrentHashMap<>();

    private AskerZones() {}

    /** Her zone, or {@code instanceZone} when her country does not tell one. */
    public static ZoneId of(String country, ZoneId instanceZone) {
        if (country == null || !country.matches("[A-Z]{2}")) return instanceZone;
        return BY_COUNTRY.computeIfAbsent(country, AskerZones::found).orElse(instanceZone);
    }

    /** The zones ICU lists for the country, as places (one per zone, aliases left out). */
    static Set<String> listed(String country) {
        return TimeZone.getAvailableIDs(SystemTimeZoneType.CANONICAL_LOCATION, country, null);
    }

    private static Optional<ZoneId> found(String country) {
        if (MOST_PEOPLE.containsKey(country)) return zone(MOST_PEOPLE.get(country));
        return listed(country).stream().findFirst().flatMap(AskerZones::zone);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty(); // a zone newer than this Java's tz data
        }
    }
}
