package dearly.admin;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * A form's fields as a browser sends them: in page order, a name repeated for each ticked box. It is
 * a Map only so that {@code TestServer.postForm} can send it, which reads nothing but its entries in
 * order; its entry "set" may hold one name twice, as a form does.
 */
final class FormFields extends AbstractMap<String, String> {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    /** What a browser would send for this form as it stands: hidden fields, typed values, ticked boxes. */
    static FormFields of(Element form) {
        FormFields fields = new FormFields();
        for (Element input : form.select("input[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) continue;
            String value = input.tagName().equals("textarea") ? input.wholeText().replaceFirst("^\n", "") : input.val();
            fields.add(input.attr("name"), value);
        }
        return fields;
    }

    FormFields add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Replaces every value of this name with these, as ticking exactly these boxes would. */
    FormFields set(String name, String... values) {
        fields.removeIf(field -> field.getKey().equals(name));
        for (String value : values) add(name, value);
        return this;
    }

    List<String> all(String name) {
        return fields.stream().filter(field -> field.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    @Override
    public String get(Object name) {
        return fields.stream().filter(field -> field.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return fields.iterator();
            }

            @Override
            public int size() {
                return fields.size();
            }
        };
    }
}
