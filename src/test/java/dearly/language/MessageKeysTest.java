package dearly.language;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.accounts.Role;
import dearly.asking.CrisisKind;
import dearly.asking.Multiple;
import dearly.asking.PrivateDetails.PrivateDetail;
import dearly.asking.QuestionStatus;
import dearly.asking.Sex;
import dearly.crisis.CrisisResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A missing word throws only when its page renders, so these tests find it first: every language has
 * the keys of every other, and every key a template or class names exists. Keys named whole
 * ({@code t.get("ask.title")}, or passed along as {@code "ask.error.age"}) are read from the sources;
 * keys built from a prefix ({@code "status.state." + state}) are checked for every value the code
 * can give, listed in {@link #built()} from the types the code takes them from.
 */
class MessageKeysTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("src/main/jte"));
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)(\\.?)\"");

    private static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::code).toList();
    private static final List<String> STATUSES = lowerCase(QuestionStatus.values());

    /** Each prefix the code builds keys from, with every value it can end with. */
    private static Map<String, List<String>> built() {
        return Map.ofEntries(
            Map.entry("status.state.", STATUSES),
            Map.entry("letter.translation.", java.util.Arrays.stream(Language.values()).map(Language::code).toList()),
            // desk.Finding.message: the field and the check, by their names
            Map.entry("desk.check.field.", java.util.Arrays.stream(dearly.desk.Finding.Field.values()).map(Enum::name).toList()),
            Map.entry("desk.check.", java.util.Arrays.stream(dearly.desk.Finding.Check.values()).map(Enum::name).toList()),
            Map.entry("status.explain.", STATUSES),
            Map.entry("status.notice.too-late.", STATUSES),
            Map.entry("desk.status.", STATUSES),
            Map.entry("desk.profile.photo.", java.util.Arrays.stream(dearly.letters.Portraits.Refusal.values())
                    .map(dearly.letters.Portraits.Refusal::key).toList()),
            // asking/crisis.jte: before she sends (unsent) or saves an edit (unsaved), then her question's status
            Map.entry("crisis.state.", join(List.of("unsent", "unsaved"), STATUSES)),
            // AskPages.notice: the query parameters an action redirects with
            Map.entry("status.notice.", List.of("received", "edited", "withdrawn", "restored", "undo-too-late", "expired")),
            Map.entry("ask.role.", lowerCase(dearly.asking.Role.values())),
            Map.entry("ask.sex.", join(lowerCase(Sex.values()), List.of("unsaid"))),
            Map.entry("ask.multiple.", join(List.of("none"), lowerCase(Multiple.values()))),
            // AskValidation.lengthBetween and .required: "ask.error." + field + ".missing" (".short", ".long")
            Map.entry("ask.error.", List.of("title.missing", "title.short", "title.long", "body.missing", "body.short",
                    "body.long", "first_name.missing", "surname.missing")),
            // QuestionApi words each of the form's mistakes for a program
            Map.entry("api.error.", formMistakes()),
            Map.entry("desk.crisis.", Arrays.stream(CrisisKind.values()).map(Enum::name).toList()),
            // Drafts.defaults: the salutation a new letter opens with, from the asker's role
            Map.entry("desk.draft.salutation.", lowerCase(dearly.asking.Role.values())),
            Map.entry("desk.layer.", Arrays.stream(dearly.asking.CrisisSign.Layer.values()).map(Enum::name).toList()),
            Map.entry("desk.detail.", Arrays.stream(PrivateDetail.Kind.values()).map(Enum::name).toList()),
            Map.entry("admin.crisis.kind.", Arrays.stream(CrisisResource.Kind.values()).map(CrisisResource.Kind::code).toList()),
            Map.entry("admin.crisis.fallback.in.", LANGUAGES),
            Map.entry("admin.crisis.fallback.save.", LANGUAGES),
            Map.entry("admin.language.", LANGUAGES),
            Map.entry("search.language.", LANGUAGES),
            // AdminPages.NOTICES
            Map.entry("admin.crisis.notice.", List.of("added", "saved", "deleted", "moved", "fallback")),
            Map.entry("accounts.role.", lowerCase(Role.values())),
            Map.entry("accounts.role.one.", lowerCase(Role.values())),
            Map.entry("accounts.admin.notice.", dearly.accounts.AccountAdminPages.NOTICES),
            Map.entry("accounts.account.notice.", dearly.accounts.OwnAccountPages.NOTICES),
            // accounts/fields.jte: each field an AccountForm asks for
            Map.entry("accounts.form.field.", List.of("email", "new_email", "name", "password", "current", "password_check")),
            // AccountMail: each kind of mail's subject and button
            Map.entry("accounts.mail.", join(List.of("invite.subject", "invite.button", "reset.subject", "reset.button"),
                    List.of("email.subject", "email.button", "lockout.subject", "lockout.button"))));
    }

    @Test
    void everyLanguageHasExactlyTheKeysOfEveryOther() {
        Map<String, Map<String, Set<String>>> keysByFeature = new TreeMap<>();
        for (MessageBundles.Bundle bundle : MessageBundles.find()) {
            assertThat(LANGUAGES).as("the language of dearly/%s/messages_%s.properties", bundle.feature(), bundle.languageCode())
                    .contains(bundle.languageCode());
            keysByFeature.computeIfAbsent(bundle.feature(), feature -> new TreeMap<>())
                    .put(bundle.languageCode(), bundle.words().keySet());
        }
        assertThat(keysByFeature).containsKeys("language", "asking");

        List<String> missing = new ArrayList<>();
        keysByFeature.forEach((feature, byLanguage) -> {
            Set<String> every = new TreeSet<>();
            byLanguage.values().forEach(every::addAll);
            for (String language : LANGUAGES) {
                Set<String> lacking = new TreeSet<>(every);
                lacking.removeAll(byLanguage.getOrDefault(language, Set.of()));
                if (!lacking.isEmpty()) missing.add("dearly/" + feature + "/messages_" + language + ".properties lacks " + lacking);
            }
        });
        assertThat(missing).as("keys that one language has and another lacks").isEmpty();
    }

    @Test
    void noTwoFeaturesDefineTheSameKey() {
        Map<String, String> owner = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (MessageBundles.Bundle bundle : MessageBundles.find()) {
            for (String key : bundle.words().keySet()) {
                String first = owner.putIfAbsent(bundle.languageCode() + ":" + key, bundle.feature());
                if (first != null && !first.equals(bundle.feature())) {
                    twice.add(key + " in " + first + " and " + bundle.feature() + " (" + bundle.languageCode() + ")");
                }
            }
        }
        assertThat(twice).as("keys defined by two features; which one a page shows would depend on scan order").isEmpty();
    }

    @Test
    void everyKeyATemplateOrClassNamesExistsInEveryLanguage() {
        Set<String> namespaces = namespaces();
        List<String> missing = new ArrayList<>();
        int named = 0;
        for (Used used : usedKeys()) {
            if (used.prefix() || !namespaces.contains(used.namespace())) continue;
            named++;
            for (Language language : Language.values()) {
                if (!Messages.of(language).keys().contains(used.key())) missing.add(used + " in " + language.code());
            }
        }
        assertThat(named).as("keys found in the sources").isGreaterThan(300);
        assertThat(missing).as("keys named in the code that no bundle defines").isEmpty();
    }

    @Test
    void everyKeyBuiltFromAPrefixExistsForEveryValueTheCodeCanGive() {
        Set<String> namespaces = namespaces();
        Map<String, List<String>> built = built();
        Set<String> prefixes = new TreeSet<>();
        for (Used used : usedKeys()) {
            if (used.prefix() && namespaces.contains(used.namespace())) {
                prefixes.add(used.key());
                assertThat(built).as("%s builds keys from \"%s\": list its values in MessageKeysTest.built()",
                        used.where(), used.key()).containsKey(used.key());
            }
        }
        assertThat(prefixes).as("prefixes listed in built() that no code builds keys from any more")
                .containsExactlyInAnyOrderElementsOf(built.keySet());

        List<String> missing = new ArrayList<>();
        built.forEach((prefix, values) -> {
            assertThat(values).as(prefix).isNotEmpty();
            for (String value : values) {
                for (Language language : Language.values()) {
                    if (!Messages.of(language).keys().contains(prefix + value)) missing.add(prefix + value + " in " + language.code());
                }
            }
        });
        assertThat(missing).as("keys the code builds that no bundle defines").isEmpty();
    }

    /** A key, or a prefix ending in a dot, written as a string literal in a source file. */
    private record Used(String key, boolean prefix, String where) {
        String namespace() {
            return key.substring(0, key.indexOf('.'));
        }

        @Override
        public String toString() {
            return key + " (" + where + ")";
        }
    }

    private static List<Used> usedKeys() {
        List<Used> used = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher literal = LITERAL.matcher(lines.get(i));
                        while (literal.find()) {
                            if (literal.group(2).isEmpty() && literal.group(1).indexOf('.') < 0) continue; // a word, not a key
                            if (lines.get(i).startsWith("StaticFiles.url(", literal.start() - "StaticFiles.url(".length())) continue; // a file
                            used.add(new Used(literal.group(1) + literal.group(2), !literal.group(2).isEmpty(), file + ":" + (i + 1)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return used;
    }

    /** The first parts of every key ("ask", "status", ...): a literal that starts with one is taken for a key. */
    private static Set<String> namespaces() {
        Set<String> namespaces = new TreeSet<>();
        for (Language language : Language.values()) {
            for (String key : Messages.of(language).keys()) namespaces.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')));
        }
        return namespaces;
    }

    private static List<String> formMistakes() {
        List<String> rests = new ArrayList<>();
        for (String key : Messages.of(Language.EN).keys()) {
            if (key.startsWith("ask.error.")) rests.add(key.substring("ask.error.".length()));
        }
        return rests;
    }

    private static List<String> lowerCase(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> join(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
