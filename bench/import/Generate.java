import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Writes a generated archive in Dearly's format for bench/import: LINES letters, in English and
 * Spanish, of about the length of a real column's (a question, a four-paragraph answer), three
 * topics and an old path each, one in ten under CC BY, one in fifty with another's title.
 * The same LINES always give the same file.
 *
 *   java bench/import/Generate.java LINES FILE
 */
public class Generate {
    static final String[] ADVISORS = {"Lina P.", "Ana Ruiz", "Marta Gómez", "Joan Hale", "Sofía Díaz", "Ruth Okafor", "Inés Vidal", "Kate Moss-Lee"};
    static final String[] TOPICS = {"Sleep", "Colic", "Feeding", "Breastfeeding", "Postpartum", "Partner", "Work", "Grandparents",
            "Siblings", "Tantrums", "Potty", "Teething", "Daycare", "Money", "Body", "Anxiety", "Twins", "Solids", "Naps", "Crying"};
    static final String[] WORRIES = {"won't sleep unless I hold him", "cries every evening", "refuses the bottle", "bites when nursing",
            "my husband and I never talk", "I miss my old job", "my mother-in-law visits daily", "the toddler hits the baby",
            "naps only in the car", "screams at daycare drop-off", "I feel nothing for her", "we argue about money"};
    static final String[] PREOCUPACIONES = {"no duerme si no lo cargo", "llora cada tarde", "rechaza el biberón", "me duele la lactancia",
            "mi pareja y yo no hablamos", "extraño mi trabajo", "mi suegra viene todos los días", "el mayor le pega al bebé"};
    static final String[] SENTENCES = {"What you describe is common, and it passes.", "Start with the smallest change you can keep up for a week.",
            "Ask for help before you need it, not after.", "Your body is still healing; be as patient with it as with her.",
            "Try one thing at a time, and write down what happens.", "Nobody gets this right the first month.",
            "If it frightens you, call your midwife or doctor today.", "Take turns at night, even if only twice a week."};
    static final String[] FRASES = {"Lo que describes es común, y pasa.", "Empieza por el cambio más pequeño que puedas sostener una semana.",
            "Pide ayuda antes de necesitarla.", "Tu cuerpo aún se está recuperando; ten paciencia con él.",
            "Prueba una cosa a la vez y anota lo que pasa.", "Nadie lo hace bien el primer mes."};

    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[0]);
        Random random = new Random(lines);
        Instant start = Instant.parse("2015-01-01T08:00:00Z");
        String previousTitle = "";
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (int i = 1; i <= lines; i++) {
                boolean spanish = i % 3 == 0;
                String[] worries = spanish ? PREOCUPACIONES : WORRIES;
                String[] sentences = spanish ? FRASES : SENTENCES;
                String worry = worries[random.nextInt(worries.length)];
                // One in fifty has the title of the letter before it: its address gets a -2.
                String title = i % 50 == 0 ? previousTitle : worry + " (" + Integer.toString(i, 36) + ")";
                previousTitle = title;
                StringBuilder answer = new StringBuilder();
                for (int p = 0; p < 4; p++) {
                    if (p > 0) answer.append("\n\n");
                    for (int s = 0; s < 4; s++) answer.append(s > 0 ? " " : "").append(sentences[random.nextInt(sentences.length)]);
                }
                StringBuilder line = new StringBuilder("{");
                field(line, "external_id", "bench-" + i).append(',');
                field(line, "title", Character.toUpperCase(title.charAt(0)) + title.substring(1)).append(',');
                field(line, "question", (spanish ? "Mi bebé de " : "My baby of ") + (1 + random.nextInt(18))
                        + (spanish ? " meses " : " months ") + worry + ". " + sentences[random.nextInt(sentences.length)]).append(',');
                field(line, "salutation", spanish ? "Querida mamá," : "Dear mama,").append(',');
                field(line, "answer", answer.toString()).append(',');
                field(line, "sign_off", spanish ? "Un abrazo," : "With you,").append(',');
                field(line, "advisor", ADVISORS[random.nextInt(ADVISORS.length)]).append(',');
                line.append("\"topics\":[");
                for (int t = 0; t < 3; t++) line.append(t > 0 ? "," : "").append('"').append(TOPICS[(i * 7 + t * 3 + random.nextInt(2)) % TOPICS.length]).append('"');
                line.append("],");
                field(line, "language", spanish ? "es" : "en").append(',');
                field(line, "published_at", start.plus(i * 97L, ChronoUnit.MINUTES).toString()).append(',');
                field(line, "source_url", "https://column.example.org/letters/" + i).append(',');
                if (i % 10 == 0) {
                    field(line, "attribution", "The Night Feed").append(',');
                    field(line, "license", "CC-BY-4.0").append(',');
                }
                line.append("\"old_paths\":[\"/").append(2015 + i / 5000).append('/').append(i).append("/\"]}");
                out.write(line.toString());
                out.newLine();
            }
        }
    }

    static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                default -> line.append(c);
            }
        }
        return line.append('"');
    }
}
