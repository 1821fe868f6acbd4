package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which zone a mother's calendar runs on, from her country. */
class AskerZonesTest {
    private static final ZoneId INSTANCE = ZoneId.of("Europe/Madrid");

    @Test
    void everyCountryWithSeveralZonesIsNamedByTheZoneMostOfItsPeopleLiveIn() {
        var unnamed = Arrays.stream(Locale.getISOCountries())
                .filter(country -> AskerZones.listed(country).size() > 1)
                .filter(country -> !AskerZones.MOST_PEOPLE.containsKey(country))
                .toList();
        assertThat(unnamed).as("countries ICU lists with several zones that AskerZones does not name").isEmpty();
        AskerZones.MOST_PEOPLE.forEach((country, zone) -> assertThat(AskerZones.listed(country))
                .as(country).contains(com.ibm.icu.util.TimeZone.getCanonicalID(zone)));
    }

    @Test
    void herCountryGivesHerZoneAndNoCountryGivesTheInstances() {
        Map<String, String> expected = Map.of("CO", "America/Bogota", "JP", "Asia/Tokyo", "US", "America/New_York",
                "MX", "America/Mexico_City", "ES", "Europe/Madrid", "AR", "America/Argentina/Buenos_Aires", "BR", "America/Sao_Paulo");
        expected.forEach((country, zone) -> assertThat(AskerZones.of(country, ZoneOffset.UTC)).as(country).isEqualTo(ZoneId.of(zone)));
        for (String none : new String[] {null, "", "ZZ", "xx", "<script>", "COL"}) {
            assertThat(AskerZones.of(none, INSTANCE)).as(String.valueOf(none)).isEqualTo(INSTANCE);
        }
    }
}
