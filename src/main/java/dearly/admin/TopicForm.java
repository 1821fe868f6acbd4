package dearly.admin;

import dearly.language.Messages;
import dearly.letters.Slugs;
import dearly.letters.Topic;
import dearly.web.PostedFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** A topic as an admin typed it, trimmed; an empty address is made from the English name. */
public record TopicForm(String slug, String nameEn, String nameEs) {
    static final int NAME_MAX = 120, SLUG_MAX = 80; // topic's columns (V1) hold 120; Slugs makes at most 80

    static TopicForm empty() {
        return new TopicForm("", "", "");
    }

    static TopicForm of(Topic topic) {
        return new TopicForm(topic.slug(), topic.nameEn(), topic.nameEs());
    }

    static TopicForm posted(PostedFields field) {
        return new TopicForm(field.get("slug").strip(), field.get("name_en").strip(), field.get("name_es").strip());
    }

    /** The address it will have: the one typed, or one made from the English name. */
    String address() {
        return slug.isEmpty() ? Slugs.of(nameEn) : slug;
    }

    Map<String, String> problems(Messages t) {
        Map<String, String> problems = new LinkedHashMap<>();
        TypedText.check(problems, t, "name_en", nameEn, 1, NAME_MAX, false);
        TypedText.check(problems, t, "name_es", nameEs, 1, NAME_MAX, false);
        String address = address();
        if (!slug.isEmpty() || problems.isEmpty()) {
            if (!address.matches("[a-z0-9]+(-[a-z0-9]+)*")) problems.put("slug", t.get("admin.topics.slug.invalid"));
            else if (address.length() > SLUG_MAX) problems.put("slug", t.format("admin.field.long", SLUG_MAX));
        }
        return problems;
    }

    Topic topic() {
        return new Topic(0, address(), nameEn, nameEs);
    }
}
