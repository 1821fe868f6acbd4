package dearly.asking;

import dearly.crisis.CrisisDirectory;
import dearly.crisis.CrisisResource;
import dearly.language.Language;
import java.util.List;

/**
 * The help shown at once to a parent whose question shows signs of crisis: the resources for her
 * country from the admins' directory, and always what to do in immediate danger.
 */
public record CrisisHelp(String countryName, List<CrisisResource> resources, String immediateDanger) {

    public static CrisisHelp forCountry(CrisisDirectory directory, String countryCode, Language language) {
        return new CrisisHelp(Countries.name(countryCode, language),
                countryCode == null ? List.of() : directory.forCountry(countryCode), directory.fallback(language));
    }
}
