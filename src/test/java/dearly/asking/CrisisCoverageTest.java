package dearly.asking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dearly.crisis.CrisisDirectory;
import dearly.crisis.CrisisResource;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import dearly.storage.Database;
import dearly.storage.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every country the ask form offers, for every kind of danger, shows help from the seeded directory:
 * never an empty list, the emergency number first (for every country the bundle gives one for) and a
 * directory of helplines last. The places still without a sourced emergency number are named here and in
 * the bundle, and must really have none, so that the list of gaps stays true and only shrinks.
 */
class CrisisCoverageTest {

    /**
     * The places the form offers that the bundle gives no sourced emergency number for. When the bundle gains
     * one, take its code out (this test fails until you do); never add one to make a test pass. Once it is
     * empty, every country must show an emergency number first.
     */
    private static final Set<String> WITHOUT_EMERGENCY_NUMBER = Set.of(
            "AQ", "BV", "GS", "HM", "IO", "TF", "UM", // uninhabited, or no public emergency service
            "PN", "TK", // territories: no source, or only Android's emergency-number list, names one
            "GQ", "LY"); // only Android's list names one, or it and libphonenumber disagree

    @Test
    void noCountryOnTheFormAndNoDangerShowsAnEmptyListAndTheEmergencyNumberComesFirst() throws IOException {
        assertThat(bundledWithoutEmergency()).as("the bundle's no_emergency_number names the same places as this test")
                .isEqualTo(WITHOUT_EMERGENCY_NUMBER);
        try (TestDatabase test = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seed();
            SoftAssertions softly = new SoftAssertions();
            List<Countries.Country> countries = Countries.all(Language.EN);
            assertThat(countries).hasSizeGreaterThan(240);
            assertThat(countries).extracting(Countries.Country::code).as("every gap is a place the form offers")
                    .containsAll(WITHOUT_EMERGENCY_NUMBER);
            for (Countries.Country country : countries) {
                for (CrisisKind danger : CrisisKind.values()) {
                    String what = country.name() + " (" + country.code() + "), " + danger;
                    List<CrisisResource> help = CrisisHelp.of(directory, country.code(), Set.of(danger.name()), Language.EN).resources();
                    softly.assertThat(help).as(what).isNotEmpty();
                    if (help.isEmpty()) continue;
                    softly.assertThat(help.getLast().kind()).as(what + ": the directory last").isEqualTo(Kind.DIRECTORY);
                    if (WITHOUT_EMERGENCY_NUMBER.contains(country.code())) {
                        softly.assertThat(help).as(what + ": named as without an emergency number").noneMatch(r -> r.kind() == Kind.EMERGENCY);
                    } else {
                        softly.assertThat(help.getFirst().kind()).as(what + ": the emergency number first").isEqualTo(Kind.EMERGENCY);
                        softly.assertThat(kinds(help)).as(what + ": every emergency number before any line")
                                .isSortedAccordingTo((a, b) -> Boolean.compare(b == Kind.EMERGENCY, a == Kind.EMERGENCY));
                    }
                    softly.assertThat(help).as(what + ": only lines for this danger")
                            .allMatch(r -> r.kind() == Kind.EMERGENCY || r.kind() == Kind.DIRECTORY
                                    || CrisisHelp.services(Set.of(danger.name())).contains(r.kind()));
                }
            }
            softly.assertAll();
        }
        // The gaps only shrink: lower this bound as codes leave the list above, never raise it.
        assertThat(WITHOUT_EMERGENCY_NUMBER).as("places without a sourced emergency number").hasSizeLessThanOrEqualTo(11);
    }

    @Test
    void theBundleCoversTheAmericasSpainAndTheFormsLikeliestCountriesWithTheirOwnLines() {
        try (TestDatabase test = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seed();
            // Every country of the Americas the form offers has its emergency number.
            for (String code : List.of("AG", "AI", "AR", "AW", "BB", "BL", "BM", "BO", "BQ", "BR", "BS", "BZ", "CA", "CL", "CO", "CR",
                    "CU", "CW", "DM", "DO", "EC", "FK", "GD", "GF", "GP", "GT", "GY", "HN", "HT", "JM", "KN", "KY", "LC", "MF", "MQ",
                    "MS", "MX", "NI", "PA", "PE", "PM", "PR", "PY", "SR", "SV", "SX", "TC", "TT", "US", "UY", "VC", "VE", "VG", "VI")) {
                assertThat(directory.forCountry(code)).as(code).anyMatch(r -> r.kind() == Kind.EMERGENCY);
            }
            // Where Spanish- and English-speaking mothers most often live: a line for suicide and one for violence at home.
            for (String code : List.of("US", "MX", "CO", "AR", "CL", "PE", "ES", "GB", "IE", "AU", "NZ", "IN", "ZA", "BR", "PR", "KE")) {
                assertThat(kinds(directory.forCountry(code))).as(code).contains(Kind.EMERGENCY, Kind.CRISIS, Kind.VIOLENCE);
            }
            for (String code : List.of("CA", "UY", "PH", "SG", "NG", "EC", "BO", "CR")) {
                assertThat(kinds(directory.forCountry(code))).as(code).contains(Kind.EMERGENCY, Kind.CRISIS);
            }
            for (String code : List.of("UY", "GT", "BO", "VE", "PY", "SV", "HN", "PA", "DO")) {
                assertThat(kinds(directory.forCountry(code))).as(code).contains(Kind.EMERGENCY, Kind.VIOLENCE);
            }
            assertThat(kinds(directory.forCountry("US"))).contains(Kind.PERINATAL);
            assertThat(directory.forCountry("KE")).extracting(CrisisResource::phone).containsExactly("999", "112", "1199", "1195");
        }
    }

    @Test
    void everyBundledEntrySaysWhereItsNumberWasFound() {
        try (TestDatabase test = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = test.open()) {
            new CrisisDirectory(database).seed();
            List<String> unsourced = database.read(handle -> handle.createQuery(
                            "SELECT country || ' ' || name FROM crisis_resource WHERE source IS NULL OR source NOT LIKE 'https://%'")
                    .mapTo(String.class).list());
            assertThat(unsourced).isEmpty();
        }
    }

    @Test
    void everyBundledEntryHasASpanishNameOrIsMarkedAsItsOwnName() throws IOException {
        try (InputStream in = CrisisDirectory.class.getResourceAsStream("/dearly/crisis/crisis-resources.json")) {
            JsonNode bundle = new ObjectMapper().readTree(in);
            List<JsonNode> entries = new ArrayList<>();
            bundle.get("every_country").forEach(entries::add);
            bundle.get("countries").forEach(country -> country.forEach(entries::add));
            assertThat(entries).hasSizeGreaterThan(300)
                    .allSatisfy(entry -> assertThat(entry.path("name_es").isTextual() != entry.path("own_name").asBoolean(false))
                            .as(entry.get("name").asText() + ": a Spanish name, or marked as its own name, not both").isTrue());
        }
    }

    @Test
    void aSpanishReaderSeesTheSpanishNameUnlessAnAdminRenamedTheEntry() {
        try (TestDatabase test = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seed();
            Set<String> danger = Set.of(CrisisKind.VIOLENCE_AT_HOME.name());
            assertThat(CrisisHelp.of(directory, "KE", danger, Language.ES).resources()).extracting(CrisisResource::name)
                    .startsWith("Emergencias", "Emergencias");
            assertThat(CrisisHelp.of(directory, "KE", danger, Language.EN).resources()).extracting(CrisisResource::name)
                    .startsWith("Emergency", "Emergency");
            assertThat(CrisisHelp.of(directory, "NL", Set.of(CrisisKind.SUICIDE_OR_SELF_HARM.name()), Language.ES).resources())
                    .extracting(CrisisResource::name).contains("113 Zelfmoordpreventie (prevención del suicidio)");
            assertThat(CrisisHelp.of(directory, "CL", Set.of(CrisisKind.SUICIDE_OR_SELF_HARM.name()), Language.ES).resources())
                    .extracting(CrisisResource::name).as("an organisation's own name").contains("Carabineros");
            CrisisResource renamed = new CrisisResource("KE", "Línea de emergencias de Kenia", "999", null, Kind.EMERGENCY, List.of(), null);
            assertThat(directory.inLanguage(renamed, Language.ES).name()).isEqualTo("Línea de emergencias de Kenia");
        }
    }

    @Test
    void theCountriesListedUse911Or999GetThatNumber() {
        try (TestDatabase test = TestDatabase.create(TestDatabase.Kind.SQLITE); Database database = test.open()) {
            CrisisDirectory directory = new CrisisDirectory(database);
            directory.seed();
            for (String code : List.of("FJ", "IQ", "LR", "PW", "TO", "FM", "MH", "TV", "SH")) {
                assertThat(directory.forCountry(code)).as(code).anyMatch(r -> r.kind() == Kind.EMERGENCY && "911".equals(r.phone()));
            }
            for (String code : List.of("SD", "SZ", "ZM", "CK", "SB", "NU")) {
                assertThat(directory.forCountry(code)).as(code).anyMatch(r -> r.kind() == Kind.EMERGENCY && "999".equals(r.phone()));
            }
        }
    }

    @Test
    void everyDangerIsAnsweredBySomeKindOfLine() {
        for (CrisisKind danger : CrisisKind.values()) {
            assertThat(CrisisHelp.services(Set.of(danger.name()))).as(danger.name()).isNotEmpty().doesNotContain(Kind.EMERGENCY, Kind.DIRECTORY);
        }
        assertThat(CrisisHelp.services(Set.of("VIOLENCE_AT_HOME"))).containsExactly(Kind.VIOLENCE);
        assertThat(CrisisHelp.services(Set.of("HARMING_THE_BABY"))).contains(Kind.PERINATAL);
        assertThat(CrisisHelp.services(Set.of("SUICIDE_OR_SELF_HARM"))).contains(Kind.CRISIS);
        assertThat(CrisisHelp.services(Set.of("A_KIND_NO_LONGER_KNOWN"))).as("shows every line rather than none").containsAll(
                List.of(Kind.CRISIS, Kind.PERINATAL, Kind.VIOLENCE));
    }

    private static List<Kind> kinds(List<CrisisResource> resources) {
        return resources.stream().map(CrisisResource::kind).toList();
    }

    /** The countries crisis-resources.json names as having no emergency number in it. */
    private static Set<String> bundledWithoutEmergency() throws IOException {
        try (InputStream in = CrisisDirectory.class.getResourceAsStream("/dearly/crisis/crisis-resources.json")) {
            JsonNode without = new ObjectMapper().readTree(in).get("no_emergency_number");
            Set<String> codes = new HashSet<>();
            without.forEach(reason -> reason.forEach(code -> codes.add(code.asText())));
            assertThat(new ArrayList<>(codes)).as("each named once").hasSize(countCodes(without));
            return codes;
        }
    }

    private static int countCodes(JsonNode without) {
        int count = 0;
        for (JsonNode reason : without) count += reason.size();
        return count;
    }
}
