package dearly.asking;

import dearly.crisis.CrisisDirectory;
import dearly.crisis.CrisisResource;
import dearly.crisis.CrisisResource.Kind;
import dearly.language.Language;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The help shown at once to a parent whose question shows signs of crisis: the resources for her
 * country that answer the dangers found, the emergency number first, and always what to do in
 * immediate danger.
 */
public record CrisisHelp(String countryName, List<CrisisResource> resources, String immediateDanger) {

    /**
     * Which services answer each danger, beside the emergency number and the directories that answer
     * all. Harm to the baby, psychosis and severe depression after birth are perinatal mental-health
     * emergencies first; where a country has no perinatal line, its crisis line still answers.
     */
    private static final Map<CrisisKind, Set<Kind>> SERVICES = Map.of(
            CrisisKind.SUICIDE_OR_SELF_HARM, EnumSet.of(Kind.CRISIS),
            CrisisKind.HARMING_THE_BABY, EnumSet.of(Kind.PERINATAL, Kind.CRISIS),
            CrisisKind.VIOLENCE_AT_HOME, EnumSet.of(Kind.VIOLENCE),
            CrisisKind.PSYCHOSIS, EnumSet.of(Kind.PERINATAL, Kind.CRISIS),
            CrisisKind.SEVERE_DEPRESSION, EnumSet.of(Kind.PERINATAL, Kind.CRISIS));

    /**
     * @param countryCode her country's ISO code, or null when she has not given one we know
     * @param kindNames the names of the crisis kinds found; a name no kind has any longer shows every service
     */
    public static CrisisHelp of(CrisisDirectory directory, String countryCode, Collection<String> kindNames, Language language) {
        return new CrisisHelp(Countries.name(countryCode, language),
                directory.forCountryAndKinds(countryCode, services(kindNames)).stream()
                        .map(resource -> directory.inLanguage(resource, language)).toList(),
                directory.fallback(language));
    }

    /** The kinds of service that answer these dangers. */
    static Set<Kind> services(Collection<String> kindNames) {
        Set<Kind> services = EnumSet.noneOf(Kind.class);
        for (String name : kindNames) {
            CrisisKind kind = known(name);
            services.addAll(kind == null ? EnumSet.allOf(Kind.class) : SERVICES.get(kind));
        }
        return services;
    }

    private static CrisisKind known(String name) {
        for (CrisisKind kind : CrisisKind.values()) {
            if (kind.name().equals(name)) return kind;
        }
        return null;
    }
}
