package dearly.feeds;

import dearly.TestServer;
import dearly.asking.AskFlow;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small column published on a test server: two advisors, two topics, letters in English and
 * Spanish, one scheduled for tomorrow, one taken down, and one answering a real question whose asker
 * then erased everything (its byline is gone). Letters go in as the desk publishes them ({@link Publishing}).
 */
final class Column {
    /** As long as a headline may be (300 characters): markup, a script's end, overrides, Hebrew, emoji, a word wider than a line. */
    static final String HOSTILE = "</script><script>alert(1)</script> <b>Bold</b> & \"quoted\" \u202Eשלום עולם\u202C 😀👩‍👧 ñandú "
            + "Why does my baby wake every hour? ".repeat(3) + "Supercalifragilisticexpialidociouslywakeful".repeat(2);
    static final String HOSTILE_BODY = "<script>alert('body')</script>\n\nShe is **fine**. ]]> <!-- -->";
    static final String PRIVATE_SURNAME = "Lopez";
    static final String PRIVATE_EMAIL = "maria@example.com";

    final Instant now;
    final long englishLetter;
    final long spanishLetter;
    final long hostileLetter;
    final long scheduledLetter;
    final long takenDownLetter;
    final long erasedBylineLetter;

    private Column(Instant now, long... ids) {
        this.now = now;
        this.englishLetter = ids[0];
        this.spanishLetter = ids[1];
        this.hostileLetter = ids[2];
        this.scheduledLetter = ids[3];
        this.takenDownLetter = ids[4];
        this.erasedBylineLetter = ids[5];
    }

    static Column publishedOn(TestServer server) {
        AskFlow.ask(server, AskFlow.question());
        long question = server.server().database().read(handle -> handle.createQuery("SELECT MAX(id) FROM question").mapTo(Long.class).one());
        Instant now = Instant.now();
        long[] ids = server.server().database().write(handle -> {
            Publishing publishing = new Publishing();
            long rosa = publishing.addAdvisor(handle, "rosa-m", "Rosa M.", "Mother of three.", now);
            long ana = publishing.addAdvisor(handle, "ana-p", "Ana P.", "", now);
            long sleep = publishing.addTopic(handle, "sleep", "Sleep", "Sueño");
            long family = publishing.addTopic(handle, "family", "Family", "Familia");
            long english = publishing.publish(handle, new Publishing.Draft(null, "naps-in-arms",
                    new Words("Naps in my arms", "Maria's daughter only naps in her arms.", "Dear Maria,",
                            "You are doing well.\n\nShe will learn.", "With love,"),
                    "Maria L., mother of Sofia (4 months)", rosa, List.of(sleep), Language.EN, now.minus(Duration.ofDays(3))), now);
            long spanish = publishing.publish(handle, new Publishing.Draft(null, "el-nino-no-duerme",
                    new Words("¿Por qué mi niño no duerme? Mañana será otro día", "Una mamá cansada.", "Querida mamá:",
                            "Duerme cuando él duerma. Añádele paciencia.", "Con cariño,"),
                    "", ana, List.of(sleep, family), Language.ES, now.minus(Duration.ofDays(2))), now);
            long hostile = publishing.publish(handle, new Publishing.Draft(null, "hostile",
                    new Words(HOSTILE, "A standfirst with </script> and <img src=x onerror=alert(1)>.", "Hi,", HOSTILE_BODY, "Bye,"),
                    "", rosa, List.of(family), Language.EN, now.minus(Duration.ofDays(1))), now);
            long scheduled = publishing.publish(handle, new Publishing.Draft(null, "not-yet",
                    new Words("Not yet public", "", "", "Tomorrow.", ""), "", rosa, List.of(sleep), Language.EN,
                    now.plus(Duration.ofDays(1))), now);
            long takenDown = publishing.publish(handle, new Publishing.Draft(null, "taken-down",
                    new Words("Taken down letter", "", "", "Gone.", ""), "", ana, List.of(sleep), Language.EN,
                    now.minus(Duration.ofDays(4))), now);
            publishing.unpublish(handle, takenDown, now);
            long erased = publishing.publish(handle, new Publishing.Draft(question, "she-erased-everything",
                    new Words("A letter whose asker erased everything", "", "Dear Maria,", "Rest.", ""),
                    "Maria L., mother of Sofia (4 months)", ana, List.of(), Language.EN, now.minus(Duration.ofDays(5))), now);
            // What her "delete everything" does to the letter that answered her.
            publishing.forgetAsker(handle, List.of(question));
            return new long[] {english, spanish, hostile, scheduled, takenDown, erased};
        });
        return new Column(now, ids);
    }
}
