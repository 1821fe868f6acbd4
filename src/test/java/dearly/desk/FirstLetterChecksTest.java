package dearly.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.asking.Sex;
import dearly.demo.DemoContent;
import dearly.desk.AskerFacts.ChildFacts;
import dearly.desk.Finding.Check;
import dearly.desk.Finding.Field;
import dearly.language.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first letter ever published, checked as the desk would check it before publishing. */
class FirstLetterChecksTest {
    static final PublishChecks CHECKS = new PublishChecks();

    /** Paula G., 35, Medellín, Colombia, mama to 5-month-old Andrés, answered by Lina P.; no chosen name given. */
    static final AskerFacts PAULA = new AskerFacts("Paula", "Gómez", null, "paula.gomez@example.com", "CO", "Medellín",
            List.of(new ChildFacts("Andrés", 5, 152, Sex.BOY)), "", "Lina P.");

    static PublicText firstLetter() {
        List<String> seed = DemoContent.seedLines();
        return new PublicText(Language.EN, seed.get(0), seed.get(3), seed.get(4), DemoContent.seedBodyMarkdown(),
                seed.get(seed.size() - 2), null);
    }

    @Test
    void theFirstLetterIsHeldBackForSofiaAndNothingElse() {
        List<Finding> findings = CHECKS.check(firstLetter(), PAULA);

        assertThat(findings).extracting(Finding::check, Finding::field, Finding::words)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Check.NAME, Field.STANDFIRST, "Sofia"));
        assertThat(findings).allMatch(Finding::blocks).allMatch(Finding::overridable);
    }

    /**
     * The first letter as a new instance seeds it, checked against its asker as the desk knows her:
     * the demo's Paula gave no chosen name, so the standfirst's "Sofia" is the editor's pseudonym
     * for her, which the check must ask about.
     */
    @Test
    void theSeededFirstLetterIsCheckedAgainstItsSeededAskerAndSofiaIsFlagged() {
        try (dearly.TestServer server = dearly.TestServer.start()) {
            var database = server.server().database();
            dearly.letters.Letter letter = new dearly.letters.LetterRepository(database, java.time.Instant::now)
                    .latest(1, 0).getFirst();
            long question = database.read(handle -> handle.createQuery("SELECT question_id FROM letter WHERE id = :id")
                    .bind("id", letter.id()).mapTo(Long.class).one());
            AskerFacts facts = database.read(handle -> new dearly.asking.QuestionRepository(database, new dearly.letters.Publishing())
                    .forChecks(handle, question)).map(stored -> AskerFacts.of(stored, letter.advisor().displayName())).orElseThrow();
            PublicText text = new PublicText(letter.language(), letter.headline(), letter.standfirst(), letter.salutation(),
                    letter.bodyMarkdown(), letter.signOff(), null);

            assertThat(facts.firstName()).isEqualTo("Paula");
            assertThat(facts.pseudonym()).isNull();
            assertThat(CHECKS.check(text, facts)).extracting(Finding::check, Finding::field, Finding::words)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(Check.NAME, Field.STANDFIRST, "Sofia"));
        }
    }

    @Test
    void sofiaIsFineOnceSheIsTheChosenName() {
        AskerFacts chosen = new AskerFacts("Paula", "Gómez", "Sofia", null, "CO", "Medellín", PAULA.children(), "", "Lina P.");

        assertThat(CHECKS.check(firstLetter(), chosen)).isEmpty();
    }

    @Test
    void theEditorReadsWhyInHerLanguage() {
        Finding sofia = CHECKS.check(firstLetter(), PAULA).get(0);

        assertThat(sofia.message(Language.EN)).isEqualTo("Standfirst: “Sofia” looks like a person's name that is not the asker's, "
                + "her chosen name, her child's or the advisor's.");
        assertThat(sofia.message(Language.ES)).startsWith("Entradilla: «Sofia» parece el nombre de una persona");
    }

    @Test
    void checkingTheFirstLetterTakesLittleTime() {
        CHECKS.check(firstLetter(), PAULA);
        long start = System.nanoTime();
        int runs = 20;
        for (int i = 0; i < runs; i++) CHECKS.check(firstLetter(), PAULA);
        long micros = (System.nanoTime() - start) / runs / 1000;
        System.out.println("first letter checked in " + micros + " µs");
        assertThat(micros).isPositive();
    }
}
