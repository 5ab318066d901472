package fazhi.core.understand;

import java.util.List;

/** analysis-config/understanding/reports.yml, as written; {@link ReportDecision} compiles and applies it. */
record DecisionRules(int openingChars, List<Rule> rules, Outcome fallback) {

    record Rule(String decision, String code, String reason, List<String> title, List<String> opening, List<String> everyLine,
            List<String> topics) {
        Rule {
            title = title == null ? List.of() : List.copyOf(title);
            opening = opening == null ? List.of() : List.copyOf(opening);
            everyLine = everyLine == null ? List.of() : List.copyOf(everyLine);
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    record Outcome(String code, String reason) {
    }
}
