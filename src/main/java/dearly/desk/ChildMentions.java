package dearly.desk;

import dearly.asking.Sex;
import dearly.desk.AskerFacts.ChildFacts;
import dearly.desk.Finding.Check;
import dearly.desk.Finding.Field;
import dearly.language.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a letter says of the asker's child, against what she told: an age ("your 3-month-old",
 * "tu bebé de 3 meses") or a sex ("your daughter", "tu hijo") that none of her children has. Only
 * words that speak of her child are read ("your", "her", "tu", "su" before them), so the advisor's
 * own twins, or babies in general, are never compared with her profile.
 */
final class ChildMentions {
    private ChildMentions() {}

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String FLAGS = "(?iu)";
    private static final String NUMBER_WORDS_EN = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen";
    private static final String NUMBER_WORDS_ES = "un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|dieciocho";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("eighteen", 18),
            Map.entry("un", 1), Map.entry("una", 1), Map.entry("uno", 1), Map.entry("dos", 2), Map.entry("tres", 3), Map.entry("cuatro", 4),
            Map.entry("cinco", 5), Map.entry("seis", 6), Map.entry("siete", 7), Map.entry("ocho", 8), Map.entry("nueve", 9), Map.entry("diez", 10),
            Map.entry("once", 11), Map.entry("doce", 12), Map.entry("dieciocho", 18));

    private static final String HERS_EN = "\\b(?:your|her|their|his)\\s+(?:[\\w'-]+\\s+){0,2}?";
    private static final String HERS_ES = "\\b(?:tu|su)\\s+(?:[\\w'-]+\\s+){0,2}?";
    private static final Pattern AGE_EN = Pattern.compile(FLAGS + HERS_EN + "(\\d{1,2}|" + NUMBER_WORDS_EN + ")[\\s-](day|week|month|year)s?[\\s-]olds?\\b");
    private static final Pattern AGE_ES = Pattern.compile(FLAGS + HERS_ES
            + "(?:bebé|bebe|beba|bebita|bebito|hijo|hija|niño|niña|nena|nene|pequeño|pequeña|peque|chiquito|chiquita)\\s+de\\s+(\\d{1,2}|"
            + NUMBER_WORDS_ES + ")\\s+(d[ií]as?|semanas?|mes|meses|años?)\\b");
    private static final Pattern SEX_EN = Pattern.compile(FLAGS + HERS_EN + "(son|daughter|boy|girl)s?\\b");
    private static final Pattern SEX_ES = Pattern.compile(FLAGS + HERS_ES
            + "(hijo|hija|niño|niña|nena|nene|bebito|bebita|chiquito|chiquita|pequeño|pequeña|príncipe|princesa)\\b");

    /** The age and sex mentions in one field that none of her children matches; none when she gave no children. */
    static List<Finding> contradictions(Field field, String text, Language language, List<ChildFacts> children) {
        List<Finding> findings = new ArrayList<>();
        if (children.isEmpty()) return findings;
        // Both languages: a letter in one may quote the other, and parents mix them.
        ages(field, text, AGE_EN, children, findings);
        ages(field, text, AGE_ES, children, findings);
        sexes(field, text, SEX_EN, children, findings);
        sexes(field, text, SEX_ES, children, findings);
        return findings;
    }

    private static void ages(Field field, String text, Pattern pattern, List<ChildFacts> children, List<Finding> findings) {
        Matcher found = pattern.matcher(text);
        while (found.find()) {
            Integer amount = amount(found.group(1));
            if (amount == null) continue;
            String unit = found.group(2).toLowerCase(java.util.Locale.ROOT);
            if (children.stream().noneMatch(child -> fits(amount, unit, child))) {
                String months = children.stream().map(child -> Long.toString(child.ageMonths())).collect(Collectors.joining(", "));
                findings.add(new Finding(Check.CHILD_AGE, field, words(text, found), months));
            }
        }
    }

    /**
     * Whether the age said could be the child's. Her profile gives the age on the day she asked; a
     * letter is published weeks later and may give the age then, so a little older is fine too.
     */
    private static boolean fits(int amount, String unit, ChildFacts child) {
        long days = child.ageDays();
        if (unit.startsWith("d")) return amount >= days - 2 && amount <= days + 45;
        if (unit.startsWith("w") || unit.startsWith("s")) return amount >= days / 7 - 1 && amount <= days / 7 + 6;
        if (unit.startsWith("m")) return amount >= child.ageMonths() - 1 && amount <= child.ageMonths() + 2;
        return amount >= child.ageMonths() / 12 && amount <= child.ageMonths() / 12 + 1;
    }

    private static void sexes(Field field, String text, Pattern pattern, List<ChildFacts> children, List<Finding> findings) {
        if (children.stream().anyMatch(child -> child.sex() == null)) return;
        Matcher found = pattern.matcher(text);
        while (found.find()) {
            Sex said = sexOf(found.group(1).toLowerCase(java.util.Locale.ROOT));
            if (children.stream().noneMatch(child -> child.sex() == said)) {
                findings.add(new Finding(Check.CHILD_SEX, field, words(text, found), said == Sex.BOY ? Sex.GIRL.name() : Sex.BOY.name()));
            }
        }
    }

    private static Sex sexOf(String noun) {
        return switch (noun) {
            case "son", "boy", "hijo", "niño", "nene", "bebito", "chiquito", "pequeño", "príncipe" -> Sex.BOY;
            default -> Sex.GIRL;
        };
    }

    private static Integer amount(String said) {
        String word = said.toLowerCase(java.util.Locale.ROOT);
        if (word.chars().allMatch(Character::isDigit)) return Integer.valueOf(word);
        return NUMBERS.get(word);
    }

    private static String words(String text, Matcher found) {
        return SPACE.matcher(text.substring(found.start(), found.end())).replaceAll(" ");
    }
}
