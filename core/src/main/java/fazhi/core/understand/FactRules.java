package fazhi.core.understand;

import java.util.List;
import java.util.Map;

/** analysis-config/understanding/facts.yml, as written; {@link FactReader} compiles and applies it. */
record FactRules(
        Chrome chrome,
        int metadataLines,
        List<String> publishedLines,
        String sourceLine,
        String siteIdCode,
        List<String> titleCues,
        List<String> titleTopics,
        int maxTitleChars,
        int titleSearchLines,
        String year,
        String unknownYear,
        int openingLines,
        int minYear,
        int maxYear,
        int signatureLines,
        String signatureDate,
        List<String> issuerPrefixes,
        String issuerFollowers,
        String issuerInBrackets,
        List<String> governmentSuffixes,
        List<String> departmentSuffixes,
        List<String> divisionSuffixes,
        String anonymised,
        Map<String, List<String>> levelBySuffix) {

    record Chrome(List<String> leading, List<String> trailing) {
    }
}
