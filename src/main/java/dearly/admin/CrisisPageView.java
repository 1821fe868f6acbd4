package dearly.admin;

import dearly.asking.Countries;
import dearly.crisis.CrisisResource;
import dearly.crisis.EditableResource;
import dearly.language.Language;
import dearly.language.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the admin's crisis page shows: each country's resources in the order parents see them,
 * the texts for immediate danger, and the form to add a resource.
 *
 * @param withoutEmergency the countries the ask form offers that list no emergency number yet, for the admins to fill in
 * @param notice what the last change did, or empty
 */
public record CrisisPageView(Messages t, List<Country> countries, List<Countries.Country> withoutEmergency, List<Fallback> fallbacks,
        ResourceFormView add, String csrf, String notice) {

    /** One country's resources, in order. */
    public record Country(String code, String name, List<EditableResource> resources) {}

    /**
     * The text for immediate danger in one language: as stored, or as just typed with its problem.
     *
     * @param problem the message to show beside it, or empty
     */
    public record Fallback(Language language, String message, String problem) {}

    /** The languages a resource answers in, named in the page's language: "English, Spanish". */
    public String languageNames(CrisisResource resource) {
        return resource.languages().stream()
                .map(language -> t.get("admin.language." + language.code()))
                .collect(Collectors.joining(", "));
    }

    /** Groups the directory, already in country order, under each country's name in the page's language. */
    static List<Country> byCountry(List<EditableResource> all, Messages t) {
        Map<String, List<EditableResource>> grouped = new LinkedHashMap<>();
        for (EditableResource entry : all) {
            grouped.computeIfAbsent(entry.resource().country(), code -> new ArrayList<>()).add(entry);
        }
        List<Country> countries = new ArrayList<>();
        grouped.forEach((code, resources) -> countries.add(new Country(code,
                code.equals(CrisisResource.EVERY_COUNTRY) ? t.get("admin.crisis.every-country") : Countries.name(code, t.language()),
                List.copyOf(resources))));
        return countries;
    }

    /** The ask form's countries, in the page's language, that list no emergency number. */
    static List<Countries.Country> withoutEmergency(List<EditableResource> all, Language language) {
        Set<String> covered = all.stream().map(EditableResource::resource)
                .filter(resource -> resource.kind() == CrisisResource.Kind.EMERGENCY)
                .map(CrisisResource::country)
                .collect(Collectors.toSet());
        return Countries.all(language).stream().filter(country -> !covered.contains(country.code())).toList();
    }
}
