package dearly.asking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sets aside a crisis told from a distance: someone else's ("my cousin attempted suicide last
 * year"), one in a film or the news, or her own now past ("I used to self-harm as a teenager; I've
 * been fine for ten years"). Every layer of {@link CrisisSigns} reads what is left, so these raise
 * no alarm while the rest of her question is read as usual. The words are in
 * {@code crisis/distance.txt}.
 */
final class Distance {
    private enum Section { BREAKS, OTHER_PEOPLE, HER_OWN, TOLD, PAST, WELL_NOW, CAME_BACK }

    private final Pattern clauseBreak;
    private final Map<Section, List<String>> words;

    private Distance(Pattern clauseBreak, Map<Section, List<String>> words) {
        this.clauseBreak = clauseBreak;
        this.words = words;
    }

    static Distance load() {
        Map<Section, List<String>> words = new EnumMap<>(Section.class);
        Section section = null;
        for (CrisisData.Entry entry : CrisisData.entries("distance.txt")) {
            String text = entry.text();
            if (text.startsWith("[") && text.endsWith("]")) {
                try {
                    section = Section.valueOf(text.substring(1, text.length() - 1).strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(entry.where() + ": unknown section " + text, e);
                }
                words.put(section, new ArrayList<>());
            } else if (section == null) {
                throw new IllegalStateException(entry.where() + ": words before any [SECTION]");
            } else {
                words.get(section).add(" " + CrisisText.normalise(text) + " ");
            }
        }
        for (Section wanted : Section.values()) {
            if (!words.containsKey(wanted)) throw new IllegalStateException("distance.txt has no [" + wanted + "]");
        }
        String breaks = String.join("|", words.get(Section.BREAKS).stream().map(String::strip).map(Pattern::quote).toList());
        // A clause ends at a comma or semicolon, or before a joining word: "my cousin tried to, and I worry".
        return new Distance(Pattern.compile("[,;:]|\\s(?=(?:" + breaks + ")\\s)", Pattern.CASE_INSENSITIVE), words);
    }

    /**
     * Her sentences with what is told from a distance taken out: a sentence wholly so becomes empty,
     * one partly so keeps its other clauses. The list keeps its length, so each sentence still
     * stands for the one she wrote.
     */
    List<String> herOwn(List<String> sentences) {
        boolean wellNow = false;
        boolean cameBack = false;
        for (String sentence : sentences) {
            String read = " " + CrisisText.normalise(sentence) + " ";
            wellNow |= has(read, Section.WELL_NOW);
            cameBack |= has(read, Section.CAME_BACK);
        }
        List<String> kept = new ArrayList<>(sentences.size());
        for (String sentence : sentences) {
            String read = " " + CrisisText.normalise(sentence) + " ";
            if (wellNow && !cameBack && has(read, Section.PAST)) {
                kept.add("");
                continue;
            }
            StringBuilder own = new StringBuilder();
            for (String clause : clauseBreak.split(sentence)) {
                String clauseRead = " " + CrisisText.normalise(clause) + " ";
                if (has(clauseRead, Section.OTHER_PEOPLE) && !has(withoutTold(clauseRead), Section.HER_OWN)) continue;
                own.append(own.isEmpty() ? "" : ", ").append(clause.strip());
            }
            kept.add(own.toString());
        }
        return kept;
    }

    // "My friend told me she...", "I'm reading a novel about...": her words that only pass on a story.
    private String withoutTold(String read) {
        for (String told : words.get(Section.TOLD)) read = read.replace(told, " ");
        return read;
    }

    private boolean has(String read, Section section) {
        for (String words : this.words.get(section)) if (read.contains(words)) return true;
        return false;
    }
}
