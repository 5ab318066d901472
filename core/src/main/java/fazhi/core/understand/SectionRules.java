package fazhi.core.understand;

import java.util.List;

/** analysis-config/understanding/sections.yml, as written; {@link SectionClassifier} compiles and applies it. */
record SectionRules(
        List<String> markup,
        List<HeadingRule> headings,
        int topLevelFallback,
        List<String> notHeadings,
        String headingEnd,
        int maxHeadingChars,
        String pieceMarks,
        List<KindRule> kinds,
        List<String> genericCues,
        List<String> bodyKinds,
        int bodyOpeningChars,
        String defaultKind) {

    record HeadingRule(int level, String pattern) {
    }

    record KindRule(String kind, List<String> cues) {
    }
}
