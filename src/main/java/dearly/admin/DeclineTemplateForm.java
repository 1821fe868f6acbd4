package dearly.admin;

import dearly.desk.DeclineTemplate;
import dearly.language.Messages;
import dearly.web.PostedFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** A decline template as an admin typed it, trimmed. Its texts keep the desk's limits for a decline. */
public record DeclineTemplateForm(String titleEn, String titleEs, String textEn, String textEs) {
    static final int TITLE_MAX = 120;

    static DeclineTemplateForm empty() {
        return new DeclineTemplateForm("", "", "", "");
    }

    static DeclineTemplateForm of(DeclineTemplate template) {
        return new DeclineTemplateForm(template.titleEn(), template.titleEs(), template.textEn(), template.textEs());
    }

    static DeclineTemplateForm posted(PostedFields field) {
        return new DeclineTemplateForm(field.get("title_en").strip(), field.get("title_es").strip(),
                field.get("text_en").strip(), field.get("text_es").strip());
    }

    Map<String, String> problems(Messages t) {
        Map<String, String> problems = new LinkedHashMap<>();
        TypedText.check(problems, t, "title_en", titleEn, 1, TITLE_MAX, false);
        TypedText.check(problems, t, "text_en", textEn, DeclineTemplate.TEXT_MIN, DeclineTemplate.TEXT_MAX, true);
        TypedText.check(problems, t, "title_es", titleEs, 1, TITLE_MAX, false);
        TypedText.check(problems, t, "text_es", textEs, DeclineTemplate.TEXT_MIN, DeclineTemplate.TEXT_MAX, true);
        return problems;
    }

    DeclineTemplate template() {
        return new DeclineTemplate(0, titleEn, titleEs, textEn, textEs);
    }
}
