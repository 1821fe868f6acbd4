package dearly.desk;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dearly.asking.MarkedText;
import dearly.asking.PrivateDetails;
import dearly.asking.PrivateDetails.PrivateDetail;
import dearly.desk.Finding.Check;
import dearly.desk.Finding.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a letter passes before it is published: nothing of the asker that must stay private
 * (her surname, e-mail, a phone number, a street address, a detail still marked in her question),
 * no person's name but hers, her chosen name, her children's and the advisor's, nothing said of a
 * child that her profile contradicts, and a salutation and a sign-off. Each finding holds
 * publication back until the text changes or an editor overrides it with a reason.
 *
 * <p>Made once (it loads the name finder's models, about a second) and shared: {@link #check} is
 * thread-safe.
 */
public final class PublishChecks {
    private static final List<Field> NAMED_FIELDS = List.of(Field.HEADLINE, Field.STANDFIRST, Field.SALUTATION, Field.BODY,
            Field.SIGN_OFF, Field.QUESTION);
    private static final String DEFAULT_REGION = "US";

    private final NameFinder names = new NameFinder();
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** Every finding in the letter's public text, field by field, in the order a reader meets them. */
    public List<Finding> check(PublicText text, AskerFacts facts) {
        List<Finding> findings = new ArrayList<>();
        if (text.salutation().isBlank()) findings.add(new Finding(Check.MISSING_SALUTATION, Field.SALUTATION, "", ""));
        if (text.signOff().isBlank()) findings.add(new Finding(Check.MISSING_SIGN_OFF, Field.SIGN_OFF, "", ""));
        for (Field field : NAMED_FIELDS) {
            String words = text.of(field);
            if (words.isBlank()) continue;
            privateWords(field, words, facts, findings);
            names(field, words, text, facts, findings);
            findings.addAll(ChildMentions.contradictions(field, words, text.language(), facts.children()));
        }
        if (text.question() != null) markedInQuestion(text.question(), findings);
        return List.copyOf(new LinkedHashSet<>(findings));
    }

    /** Her surname as a word, her e-mail, any other e-mail, phone numbers and street addresses. */
    private void privateWords(Field field, String words, AskerFacts facts, List<Finding> findings) {
        if (facts.surname() != null && !facts.surname().isBlank()) {
            for (String part : facts.surname().strip().split("[\\s-]+")) {
                if (part.length() < 2 || PARTICLES.contains(NameFinder.fold(part))) continue;
                Matcher found = wholeWord(part).matcher(words);
                while (found.find()) findings.add(new Finding(Check.SURNAME, field, found.group(), ""));
            }
        }
        for (PrivateDetail detail : PrivateDetails.in(words)) {
            String said = words.substring(detail.start(), detail.end());
            switch (detail.kind()) {
                case EMAIL -> findings.add(new Finding(sameAddress(said, facts.email()) ? Check.EMAIL : Check.OTHER_EMAIL, field, said, ""));
                case STREET_ADDRESS -> findings.add(new Finding(Check.STREET_ADDRESS, field, said, ""));
                default -> { }
            }
        }
        // Her e-mail as she typed it, even spelt so that it does not look like an address.
        if (facts.email() != null && !facts.email().isBlank() && words.toLowerCase(Locale.ROOT).contains(facts.email().toLowerCase(Locale.ROOT))
                && findings.stream().noneMatch(f -> f.check() == Check.EMAIL && f.field() == field)) {
            findings.add(new Finding(Check.EMAIL, field, facts.email(), ""));
        }
        String region = facts.country() == null || facts.country().isBlank() ? DEFAULT_REGION : facts.country().toUpperCase(Locale.ROOT);
        for (PhoneNumberMatch match : phones.findNumbers(words, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            findings.add(new Finding(Check.PHONE, field, match.rawString(), ""));
        }
    }

    /** Names that are not hers, her chosen name, a child's, the advisor's, nor her city; her surname has its own finding. */
    private void names(Field field, String words, PublicText text, AskerFacts facts, List<Finding> findings) {
        List<String> allowed = new ArrayList<>(List.of(orEmpty(facts.firstName()), orEmpty(facts.pseudonym()),
                orEmpty(facts.advisorName()), orEmpty(facts.city())));
        facts.children().forEach(child -> allowed.add(orEmpty(child.name())));
        Set<String> surname = new HashSet<>();
        if (facts.surname() != null) for (String part : facts.surname().split("[\\s-]+")) surname.add(NameFinder.fold(part));
        for (String name : otherNames(words, text.language(), allowed, surname)) findings.add(new Finding(Check.NAME, field, name, ""));
    }

    /**
     * The people's names in a text that are none of the allowed names (nor short or loving forms of
     * them), each as written, without the allowed words of a longer name: with Paula allowed, "Paula
     * Gómez" gives "Gómez". The name check alone, as {@code bench/names} measures it.
     */
    List<String> otherNames(String words, dearly.language.Language language, Collection<String> allowedNames, Set<String> leftOut) {
        Set<String> allowed = new HashSet<>();
        for (String name : allowedNames) {
            for (String word : name.split("[\\s,.]+")) if (!word.isBlank()) allowed.add(NameFinder.fold(word));
        }
        List<String> found = new ArrayList<>();
        for (NameFinder.Name name : names.in(words, language)) {
            List<String> others = new ArrayList<>();
            for (String word : name.words().split("\\s+")) {
                String folded = NameFinder.fold(word);
                // An initial ("P.") names no one by itself.
                if (leftOut.contains(folded) || folded.replace(".", "").length() < 2 || permitted(folded, allowed)) continue;
                others.add(word);
            }
            if (!others.isEmpty()) found.add(String.join(" ", others));
        }
        return found;
    }

    // How Spanish and English make a loving or short form of a name: Paulita, Andresito, Charlie, Gabo, Mati.
    private static final List<String> LOVING_ENDINGS = List.of("", "ito", "ita", "itos", "itas", "cito", "cita", "ecito", "ecita", "illo",
            "illa", "in", "ina", "ie", "y", "i", "o", "a", "is");

    /** The same name, or a short or loving form of it: "Sofi" for "Sofía", "Andresito" for "Andrés", "Anita" for "Ana". */
    private static boolean permitted(String word, Set<String> allowed) {
        if (allowed.contains(word)) return true;
        for (String name : allowed) {
            int stem = Math.min(name.length(), word.length());
            while (stem > 0 && !word.regionMatches(0, name, 0, stem)) stem--;
            boolean longEnough = stem >= 3 || (name.length() == 3 && stem == 2);
            if (longEnough && LOVING_ENDINGS.contains(word.substring(stem))) return true;
        }
        return false;
    }

    private static void markedInQuestion(String question, List<Finding> findings) {
        for (MarkedText.Run run : MarkedText.of(question).runs()) {
            if (run.marked()) findings.add(new Finding(Check.MARKED_IN_QUESTION, Field.QUESTION, run.text(), run.detail().name()));
        }
    }

    // Parts of a surname that are ordinary words on their own: "de la Cruz" is found by "Cruz".
    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "van", "von", "der", "da", "di", "le", "mc");

    private static Pattern wholeWord(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{M}])" + Pattern.quote(word) + "(?![\\p{L}\\p{M}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean sameAddress(String found, String hers) {
        return hers != null && found.strip().equalsIgnoreCase(hers.strip());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
