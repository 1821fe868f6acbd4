package dearly.asking;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code CRISIS_MAIN=dearly.asking.CrisisSignsDump bench/crisis-dev/run FILE}: writes every sign (kind,
 * layer, sentence) the detector finds in the development set, in each development crisis buried in a
 * long question and in every tuning example judged leave-one-out, one a line, so that a change meant
 * only to make the check faster can be shown to find exactly the same signs ({@code diff} two files).
 */
public final class CrisisSignsDump {
    public static void main(String[] args) throws Exception {
        CrisisSigns signs = CrisisSigns.load();
        LabelledTexts examples = CrisisDev.examples();
        LabelledTexts dev = CrisisDev.dev();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            for (LabelledTexts.Text text : dev.texts()) write(out, "dev " + text.id(), signs.check(text.text()));
            for (LabelledTexts.Text text : CrisisDev.buried(dev, examples).texts()) write(out, "buried " + text.id(), signs.check(text.text()));
            for (LabelledTexts.Text text : examples.texts()) write(out, "example " + text.id(), signs.check(text.text(), text.id()));
        }
    }

    private static void write(PrintWriter out, String what, List<CrisisSign> signs) {
        if (signs.isEmpty()) out.println(what + " -");
        for (CrisisSign sign : signs) out.println(what + " " + sign.kind() + " " + sign.layer() + " " + sign.sentence().replace('\n', ' '));
    }
}
