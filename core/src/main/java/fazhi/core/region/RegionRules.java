package fazhi.core.region;

import java.util.List;

/** analysis-config/understanding/region.yml: how text is matched against the gazetteer. */
public record RegionRules(
        List<String> placeholderCities,
        int minNameChars,
        String shortCountySuffix,
        List<String> neverMatch,
        int siteIdCodePrefix,
        int slugMinChars,
        int slugMaxChars) {

    public RegionRules {
        placeholderCities = List.copyOf(placeholderCities);
        neverMatch = List.copyOf(neverMatch);
    }
}
