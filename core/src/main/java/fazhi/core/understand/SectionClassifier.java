package fazhi.core.understand;

import fazhi.core.config.AnalysisConfig;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one classifier of report structure: splits a body into its heading tree and gives every top-level section a
 * kind, by the rules of analysis-config/understanding/sections.yml. Sub-headings stay as lines of their top-level
 * section's text and share its kind; the text before the first top-level heading is the preamble. Rules match the
 * search form of a line (NFKC, simplified), so traditional-script and full-width headings classify alike.
 */
public final class SectionClassifier {
    static final String FILE = "understanding/sections.yml";

    private final List<Pattern> markup;
    private final List<CompiledHeading> headings;
    private final int topLevelFallback;
    private final List<Pattern> notHeadings;
    private final String headingEnd;
    private final int maxHeadingChars;
    private final Pattern pieceMarks;
    private final List<KindCue> cues;
    private final List<String> genericCues;
    private final List<KindCue> bodyCues;
    private final int bodyOpeningChars;
    private final SectionKind defaultKind;

    private record CompiledHeading(int level, Pattern pattern) {
    }

    private record KindCue(SectionKind kind, String cue) {
    }

    /** A numbered heading line: its level, its number, the heading text and any body text it runs into. */
    public record Heading(int level, int number, String text, String rest) {
    }

    SectionClassifier(SectionRules rules) {
        var fold = fazhi.core.text.TextNormalizer.instance();
        markup = rules.markup().stream().map(Pattern::compile).toList();
        headings = rules.headings().stream().map(h -> new CompiledHeading(h.level(), Pattern.compile(h.pattern()))).toList();
        topLevelFallback = rules.topLevelFallback();
        notHeadings = rules.notHeadings().stream().map(Pattern::compile).toList();
        headingEnd = fold.searchForm(rules.headingEnd());
        maxHeadingChars = rules.maxHeadingChars();
        pieceMarks = Pattern.compile(rules.pieceMarks());
        List<KindCue> all = new ArrayList<>();
        for (SectionRules.KindRule kind : rules.kinds()) {
            for (String cue : kind.cues()) {
                all.add(new KindCue(SectionKind.fromCode(kind.kind()), fold.searchForm(cue)));
            }
        }
        cues = List.copyOf(all);
        genericCues = rules.genericCues().stream().map(fold::searchForm).toList();
        Set<SectionKind> bodyKinds = Set.copyOf(rules.bodyKinds().stream().map(SectionKind::fromCode).toList());
        bodyCues = cues.stream().filter(c -> bodyKinds.contains(c.kind())).toList();
        bodyOpeningChars = rules.bodyOpeningChars();
        defaultKind = SectionKind.fromCode(rules.defaultKind());
    }

    public static SectionClassifier load(AnalysisConfig config) {
        return new SectionClassifier(config.yaml(FILE, SectionRules.class));
    }

    /** A body line without markup (## , **) and outer whitespace (including the ideographic space). */
    public String clean(String line) {
        String cleaned = line;
        for (Pattern p : markup) {
            cleaned = p.matcher(cleaned.strip()).replaceAll("");
        }
        return cleaned.replace('\u3000', ' ').strip();
    }

    /**
     * Splits a page into the reports it holds at the piece marks (【篇一】…). A page with fewer than two marks is
     * one piece. The text before the first mark (the page header) is returned apart.
     */
    public Pieces pieces(String body) {
        Matcher m = pieceMarks.matcher(body);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
        }
        if (marks.size() < 2) {
            return new Pieces("", List.of(body), List.of());
        }
        List<String> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : body.length();
            pieces.add(body.substring(marks.get(i)[1], end));
            names.add(body.substring(marks.get(i)[0], marks.get(i)[1]).replaceAll("\\s+", ""));
        }
        return new Pieces(body.substring(0, marks.get(0)[0]), pieces, names);
    }

    /**
     * The reports of one page: the page header before the first piece mark, each piece's text and its mark
     * (【篇一】); a page of one report has no marks.
     */
    public record Pieces(String header, List<String> texts, List<String> marks) {
    }

    /** The heading a cleaned line starts with, or null when the line is body text. */
    public Heading heading(String line) {
        FoldedText text = FoldedText.of(line, false);
        String folded = text.folded();
        for (Pattern p : notHeadings) {
            if (p.matcher(folded).lookingAt()) {
                return null;
            }
        }
        for (CompiledHeading rule : headings) {
            Matcher m = rule.pattern().matcher(folded);
            if (!m.lookingAt()) {
                continue;
            }
            int end = -1;
            for (int i = m.end() - 1; i < Math.min(folded.length(), maxHeadingChars); i++) {
                if (headingEnd.indexOf(folded.charAt(i)) >= 0) {
                    end = i + 1;
                    break;
                }
            }
            if (end < 0 && folded.length() > maxHeadingChars) {
                return null; // a long numbered paragraph, not a heading
            }
            int number = numberOf(m.group("number"));
            if (end < 0 || end >= folded.length()) {
                return new Heading(rule.level(), number, line, "");
            }
            String rest = text.originalFrom(end).strip();
            return new Heading(rule.level(), number, rest.isEmpty() ? line : text.originalOf(0, end).strip(), rest);
        }
        return null;
    }

    /**
     * The kind of a top-level section from its heading; where the heading has no cue or only a generic one
     * (基本情况), the opening sentence of its body may decide.
     */
    public SectionKind classify(String heading, String bodyOpening) {
        String folded = FoldedText.of(heading, true).folded();
        KindCue best = earliest(folded, cues);
        if (best == null || genericCues.contains(best.cue())) {
            String opening = opening(bodyOpening == null ? "" : bodyOpening);
            KindCue fromBody = earliest(opening, bodyCues);
            if (fromBody != null) {
                return fromBody.kind();
            }
        }
        return best == null ? defaultKind : best.kind();
    }

    private String opening(String body) {
        String folded = FoldedText.of(body, true).folded();
        int stop = folded.indexOf('。');
        int limit = Math.min(folded.length(), bodyOpeningChars);
        return folded.substring(0, stop >= 0 ? Math.min(stop, limit) : limit);
    }

    /** The cue found earliest in the text; at equal positions the longer cue, then the earlier rule. */
    private static KindCue earliest(String text, List<KindCue> candidates) {
        KindCue best = null;
        int bestAt = Integer.MAX_VALUE;
        for (KindCue cue : candidates) {
            int at = text.indexOf(cue.cue());
            if (at >= 0 && (at < bestAt || (at == bestAt && cue.cue().length() > best.cue().length()))) {
                best = cue;
                bestAt = at;
            }
        }
        return best;
    }

    /** Index of the first line that starts a top-level section, or lines.size(). */
    public int firstTopHeading(List<String> lines) {
        Heading[] headings = parse(lines);
        int top = topLevel(headings);
        for (int i = 0; i < headings.length; i++) {
            if (headings[i] != null && headings[i].level() == top) {
                return i;
            }
        }
        return lines.size();
    }

    private Heading[] parse(List<String> lines) {
        Heading[] headings = new Heading[lines.size()];
        for (int i = 0; i < headings.length; i++) {
            headings[i] = heading(lines.get(i));
        }
        return headings;
    }

    /** Level 1, or the fallback level when there is no level-1 heading but headings of that level. */
    private int topLevel(Heading[] headings) {
        boolean fallbackSeen = false;
        for (Heading h : headings) {
            if (h != null && h.level() == 1) {
                return 1;
            }
            fallbackSeen |= h != null && h.level() == topLevelFallback;
        }
        return fallbackSeen ? topLevelFallback : 1;
    }

    /**
     * Top-level sections of cleaned body lines. Lines listed in {@code skip} (the title) belong to no section.
     * A top-level number that does not go forward (a second 一、 inside 三、) is a list item, not a heading.
     */
    public List<Section> sections(List<String> lines, Set<Integer> skip) {
        Heading[] headings = parse(lines);
        int top = topLevel(headings);
        List<Section> sections = new ArrayList<>();
        String heading = null;
        int lastNumber = 0;
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (skip.contains(i)) {
                continue;
            }
            Heading h = headings[i];
            if (h != null && h.level() == top && (lastNumber == 0 || h.number() > lastNumber)) {
                flush(sections, heading, text);
                heading = h.text();
                lastNumber = h.number();
                text.clear();
                if (!h.rest().isEmpty()) {
                    text.add(h.rest());
                }
            } else {
                text.add(lines.get(i));
            }
        }
        flush(sections, heading, text);
        return sections;
    }

    private void flush(List<Section> sections, String heading, List<String> lines) {
        String text = String.join("\n", lines);
        if (heading == null) {
            if (!text.isBlank()) {
                sections.add(new Section(null, SectionKind.PREAMBLE, text));
            }
            return;
        }
        sections.add(new Section(heading, classify(heading, text), text));
    }

    /** 一 → 1, 十二 → 12, 二十 → 20, "7" → 7. */
    static int numberOf(String numeral) {
        if (numeral.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(numeral);
        }
        String digits = "零一二三四五六七八九";
        int tens = numeral.indexOf('十');
        if (tens < 0) {
            return digits.indexOf(numeral.charAt(0));
        }
        int high = tens == 0 ? 1 : digits.indexOf(numeral.charAt(0));
        int low = tens == numeral.length() - 1 ? 0 : digits.indexOf(numeral.charAt(tens + 1));
        return high * 10 + low;
    }
}
