package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dearly.asking.PrivateDetails.PrivateDetail;
import dearly.asking.PrivateDetails.PrivateDetail.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What an editor sees highlighted in a question before she publishes it. */
class PrivateDetailsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            EMAIL          | write to me at paula.gomez@example.com please        | paula.gomez@example.com
            EMAIL          | Mi correo es lucia_r+bebe@correo.es.                 | lucia_r+bebe@correo.es
            EMAIL          | escríbeme: ana arroba gmail punto com                | ana arroba gmail punto com
            EMAIL          | my email is sam(at)example(dot)org                   | sam(at)example(dot)org
            PHONE          | Llámame al +57 300 123 4567 cuando puedas             | +57 300 123 4567
            PHONE          | la línea es (604) 444 4448                           | (604) 444 4448
            PHONE          | my cell is 300-123-4567.                             | 300-123-4567
            PHONE          | Mi móvil: 612 34 56 78                               | 612 34 56 78
            PHONE          | call 1-800-944-4773 anytime                          | 1-800-944-4773
            PHONE          | WhatsApp 3001234567                                  | 3001234567
            PHONE          | +34 612345678 es mi número                           | +34 612345678
            PHONE          | home: 444 4448                                       | 444 4448
            PHONE          | +44 20 7946 0958                                     | +44 20 7946 0958
            PHONE          | mi numero es 55.1234.5678                            | 55.1234.5678
            URL            | I wrote about it on https://example.com/blog/paula   | https://example.com/blog/paula
            URL            | mira www.mibebe.co/fotos, ahí están                  | www.mibebe.co/fotos
            URL            | my blog is example.com/x                             | example.com/x
            URL            | (see http://example.org/a?b=c)                       | http://example.org/a?b=c
            URL            | Sigo a crianza-feliz.mx en Instagram                 | crianza-feliz.mx
            STREET_ADDRESS | vivo en la Calle 10 # 43-12, Medellín                | Calle 10 # 43-12
            STREET_ADDRESS | Carrera 7 #45-10 apartamento                         | Carrera 7 #45-10
            STREET_ADDRESS | Cra. 43A No. 12-30                                   | Cra. 43A No. 12-30
            STREET_ADDRESS | we live at 123 Main Street in Springfield           | 123 Main Street
            STREET_ADDRESS | Av. Insurgentes Sur 1234, CDMX                       | Av. Insurgentes Sur 1234
            STREET_ADDRESS | en la Calle de Alcalá 23 de Madrid                   | Calle de Alcalá 23
            STREET_ADDRESS | it's Apt 4B, ring twice                              | Apt 4B
            STREET_ADDRESS | Torre 2 Apto 503, el timbre no sirve                 | Torre 2 Apto 503
            STREET_ADDRESS | 123 Main Street, Apt 4B                              | 123 Main Street, Apt 4B
            STREET_ADDRESS | Vivimos en Carrera 15 con Calle 93                   | Carrera 15 con Calle 93
            PHONE          | Call me on 07700 900123                              | 07700 900123
            STREET_ADDRESS | 12 Abbey Way                                         | 12 Abbey Way
            STREET_ADDRESS | 350 5th Ave                                          | 350 5th Ave
            """)
    void findsWhatAnEditorMustRemove(Kind kind, String question, String highlighted) {
        List<PrivateDetail> found = PrivateDetails.in(question);

        assertThat(found).extracting(PrivateDetail::kind, detail -> question.substring(detail.start(), detail.end()))
                .contains(tuple(kind, highlighted));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm 35 and my baby is 5 months old",
        "She was born on 12/03/2024 at 3.5 kg",
        "Nació el 15-03-2024 a las 10:30",
        "He was born 2024-03-15 and weighed 3.250 kg",
        "From 2019-2020 I worked nights",
        "She drinks 120 150 180 ml a day",
        "Gastamos $1 500 000 en pañales",
        "We walked 2 blocks down the street",
        "It's a 2 hour drive to my mother's",
        "Salí a la calle con el bebé",
        "Our apartment 2 years ago was tiny",
        "e.g. she sleeps 3.5 hours, i.e. not enough",
        "The 2 of us take turns at 3 am and 5 am",
        "Line 106 and 123 are the numbers I was given",
        "Le doy 4 onzas cada 3 horas",
        "Tengo 28 años y mi hija tiene 8 meses",
        "We moved in 2023, my son turned 1 in March",
        "Mr. Smith said to wait 6 weeks",
        "I pump 2 to 3 oz every 2-3 hours",
        "Pesa 7.5 kilos y mide 68 cm",
    })
    void findsNothingInAgesDatesWeightsAndTimes(String question) {
        assertThat(PrivateDetails.in(question)).isEmpty();
    }

    @Test
    void givesEveryDetailInOrderWithoutOverlapsInUtf16Indices() {
        String question = "👶 Soy Paula, paula@example.com, +57 300 123 4567, Calle 10 # 43-12, https://example.com/p";

        List<PrivateDetail> found = PrivateDetails.in(question);

        assertThat(found).extracting(PrivateDetail::kind)
                .containsExactly(Kind.EMAIL, Kind.PHONE, Kind.STREET_ADDRESS, Kind.URL);
        assertThat(found).extracting(detail -> question.substring(detail.start(), detail.end()))
                .containsExactly("paula@example.com", "+57 300 123 4567", "Calle 10 # 43-12", "https://example.com/p");
        assertThat(found.get(0).start()).isEqualTo(question.indexOf("paula@"));
    }

    @Test
    void anEmptyQuestionHasNothingToRemove() {
        assertThat(PrivateDetails.in("")).isEmpty();
        assertThat(PrivateDetails.in(null)).isEmpty();
    }
}
