package fazhi.core.understand;

import fazhi.core.config.AnalysisConfig;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a page is a 法治政府建设 report, by the ordered rules of analysis-config/understanding/reports.yml:
 * the first rule that matches the title or the opening of the body decides. Rejections carry a stable code (the
 * crawler counts pages by it) and a reason in Chinese.
 */
final class ReportDecision {
    static final String FILE = "understanding/reports.yml";

    private final int openingChars;
    private final List<CompiledRule> rules;
    private final DecisionRules.Outcome fallback;

    private record CompiledRule(boolean accept, String code, String reason, List<Pattern> title, List<Pattern> opening,
            List<Pattern> everyLine, List<String> topics) {
    }

    /** The decision: accepted or not, with the deciding rule's code and reason. */
    record Decision(boolean accepted, String code, String reason) {
    }

    ReportDecision(DecisionRules rules) {
        openingChars = rules.openingChars();
        this.rules = rules.rules().stream().map(r -> new CompiledRule(
                switch (r.decision()) {
                    case "accept" -> true;
                    case "reject" -> false;
                    default -> throw new IllegalStateException(FILE + ": decision must be accept or reject, not " + r.decision());
                },
                r.code(), r.reason(),
                r.title().stream().map(Pattern::compile).toList(),
                r.opening().stream().map(Pattern::compile).toList(),
                r.everyLine().stream().map(Pattern::compile).toList(),
                r.topics().stream().map(FactReader::key).toList())).toList();
        fallback = rules.fallback();
    }

    static ReportDecision load(AnalysisConfig config) {
        return new ReportDecision(config.yaml(FILE, DecisionRules.class));
    }

    /**
     * @param lines the body's lines without site chrome, for rules that look at every line ("everyLine": a page whose
     *              text is only an attachment link); a line that repeats the title is not counted
     */
    Decision decide(String title, String body, List<String> lines) {
        String t = title == null ? "" : FactReader.key(title);
        // Only the opening is read; folding a whole 100 KB page for it would be waste.
        String b = FactReader.key(body.substring(0, Math.min(body.length(), openingChars * 4)));
        String opening = t + b.substring(0, Math.min(b.length(), openingChars));
        List<String> content = lines.stream().map(FactReader::key).filter(l -> !l.isEmpty() && !l.equals(t)).toList();
        for (CompiledRule rule : rules) {
            boolean matched = (!t.isEmpty() && rule.title().stream().anyMatch(p -> p.matcher(t).find()))
                    || rule.opening().stream().anyMatch(p -> p.matcher(opening).find())
                    || (!rule.everyLine().isEmpty() && !content.isEmpty()
                            && content.stream().allMatch(l -> rule.everyLine().stream().anyMatch(p -> p.matcher(l).find())));
            if (matched && (rule.topics().isEmpty() || rule.topics().stream().anyMatch(opening::contains))) {
                return new Decision(rule.accept(), rule.code(), rule.reason());
            }
        }
        return new Decision(false, fallback.code(), fallback.reason());
    }
}
