package dearly.demo;

import dearly.asking.Asker;
import dearly.asking.Byline;
import dearly.asking.Child;
import dearly.asking.QuestionRepository;
import dearly.asking.QuestionStatus;
import dearly.asking.Role;
import dearly.asking.Sex;
import dearly.language.Language;
import dearly.letters.Publishing;
import dearly.letters.Slugs;
import dearly.letters.Words;
import dearly.storage.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The first letter ever published on Dearly, so that a new instance has something to read. Its text
 * ships inside the program: {@code first-letter.txt} is the page as a reader sees it, word for word,
 * and {@code first-letter.md} is the same letter body with its paragraphs marked.
 */
public final class DemoContent {
    private final Database database;
    private final Publishing publishing;
    private final QuestionRepository questions;

    public DemoContent(Database database, Publishing publishing, QuestionRepository questions) {
        this.database = database;
        this.publishing = publishing;
        this.questions = questions;
    }

    /** The seed page's lines: headline, "Share", byline, standfirst, salutation, body..., sign-off, signature. */
    public static List<String> seedLines() {
        return read("first-letter.txt").lines().toList();
    }

    public static String seedBodyMarkdown() {
        return read("first-letter.md");
    }

    /**
     * Publishes the first letter when nothing has been written yet (no advisor, letter or
     * question); true when it did. Two nodes starting at once on one empty PostgreSQL publish it once:
     * the second waits for the first's commit, then finds the letter.
     */
    public boolean publishIfEmpty(Instant now) {
        return database.writeAlone("dearly.demo.first-letter", handle -> {
            if (!publishing.nothingWritten(handle) || !questions.noneAsked(handle)) return false;
            publishFirstLetter(handle, now);
            return true;
        });
    }

    /** Publishes the first letter, with its asker, advisor and topics, in one transaction. */
    public void publishFirstLetter(Instant now) {
        database.write(handle -> publishFirstLetter(handle, now));
    }

    private long publishFirstLetter(Handle handle, Instant now) {
        List<String> seed = seedLines();
        String headline = seed.get(0);
        String standfirst = seed.get(3);
        String salutation = seed.get(4);
        String signOff = seed.get(seed.size() - 2);
        String advisorName = seed.get(seed.size() - 1);

        long advisor = publishing.addAdvisor(handle, Slugs.of(advisorName), advisorName,
                "Mama of twins, and of the long nights that came with them. Lina writes to parents who feel "
                        + "alone in the same room as the people they love.",
                now);
        long relationships = publishing.addTopic(handle, "relationships", "Relationships", "Relaciones");
        long postpartum = publishing.addTopic(handle, "postpartum-life", "Postpartum life", "La vida después del parto");

        // The asker's surname and e-mail are private and never shown; the demo's are made up.
        // No chosen name: the standfirst's "Sofia" is the editor's pseudonym for her, which the checks rightly ask about.
        Asker paula = new Asker("Paula", "Gómez", 35, "Medellín", "CO", Role.MAMA, null, Language.EN, null,
                List.of(new Child("Andrés", null, 5, Sex.BOY, null)));
        Instant asked = now.minus(Duration.ofDays(21));
        long question = questions.add(handle, paula, headline,
                "We have been together six years and we used to be inseparable. Since Andrés was born we are "
                        + "in the same room every evening and I still miss him. I miss who we were. Is this normal?",
                asked, QuestionStatus.PUBLISHED);

        String byline = Byline.of(paula.profile(), LocalDate.ofInstant(asked, ZoneOffset.UTC), Language.EN);
        return publishing.publish(handle, new Publishing.Draft(question, Slugs.of(headline),
                new Words(headline, standfirst, salutation, seedBodyMarkdown(), signOff), byline, advisor,
                List.of(relationships, postpartum), Language.EN, now), now);
    }

    private static String read(String name) {
        try (InputStream in = DemoContent.class.getResourceAsStream("/dearly/demo/" + name)) {
            if (in == null) throw new IllegalStateException("the program is missing its demo content " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
