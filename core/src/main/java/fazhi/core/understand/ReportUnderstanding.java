package fazhi.core.understand;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.model.Site;
import fazhi.core.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the evidence about one document into report records: title, issuer, level, year, published date and
 * top-level sections. Shared by the crawler and the local importer so that both understand reports alike.
 *
 * <p>This is the first, rule-in-code version; the section taxonomy, gazetteer and evaluation belong to the
 * understanding issue, which replaces the rules here with data from analysis-config/.
 */
public final class ReportUnderstanding {
    private static final Pattern PIECE_MARK = Pattern.compile("【篇[一二三四五六七八九十]+】");
    private static final Pattern TOP_HEADING = Pattern.compile("^(?:#+\\s*)?(?:\\*\\*)?\\s*([一二三四五六七八九十]{1,3})\\s*[、，,．.]\\s*(.+)$");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d\\-—–－])((?:19|20)\\d{2}|20[xX×]{2})\\s*年");
    private static final Pattern SOURCE_LINE = Pattern.compile("(?:来源|发布机构)\\s*[:：]\\s*([^\\s:：]{2,40})");
    private static final Pattern CN_DATE = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern ISO_DATE = Pattern.compile("((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DATE_LINE = Pattern.compile("(?:日期|发布时间|发布日期|发布|成文日期)\\s*[:：]\\s*((?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2})");
    private static final Pattern ISSUER = Pattern.compile("^(.*?(?:人民政府|街道办事处|办事处|管委会|司法局|委员会|[局委办]))(?:关于|\\d|20|19|（|\\(|法治|$)");
    private static final Pattern SIGNATURE = Pattern.compile("^(\\S{2,40}(?:人民政府|街道办事处|办事处|管委会|[局委]))$");
    private static final Pattern TOPIC = Pattern.compile("法治政府|依法行政|法治建设");

    private final TextNormalizer normalizer = TextNormalizer.instance();

    public Understanding understand(PageEvidence evidence) {
        String body = evidence.bodyText();
        if (normalizer.phraseKey(body).isEmpty()) {
            return Understanding.rejected("empty", "页面没有正文 (no body text)");
        }
        List<String> pieces = splitPieces(body);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            reports.add(understandOne(evidence, pieces.get(i), pieces.size() > 1 ? i + 1 : 0));
        }
        String probe = (evidence.title() == null ? "" : evidence.title()) + "\n" + body;
        if (!TOPIC.matcher(probe).find()) {
            return Understanding.rejected("off-topic", "正文未提及法治政府建设 (no mention of 法治政府/依法行政)");
        }
        return Understanding.of(reports);
    }

    private static List<String> splitPieces(String body) {
        Matcher marks = PIECE_MARK.matcher(body);
        List<Integer> starts = new ArrayList<>();
        while (marks.find()) {
            starts.add(marks.end());
        }
        if (starts.size() < 2) {
            return List.of(body);
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? body.lastIndexOf('【', starts.get(i + 1) - 1) : body.length();
            pieces.add(body.substring(starts.get(i), end));
        }
        return pieces;
    }

    private Report understandOne(PageEvidence evidence, String body, int pieceNumber) {
        List<String> lines = body.lines().map(ReportUnderstanding::cleanLine).filter(l -> !l.isEmpty()).toList();
        int firstHeading = firstHeadingIndex(lines);
        String title = evidence.title() != null && !evidence.title().isBlank() ? evidence.title().strip() : titleFromLines(lines, firstHeading);
        String issuer = issuer(title, evidence.source() != null ? evidence.source() : sourceLine(lines), lines);
        Integer year = year(title, lines);
        LocalDate published = evidence.published() != null ? evidence.published() : published(lines);
        List<Section> sections = sections(lines, firstHeading, title);
        String hash = sha256(normalizer.phraseKey(body));
        String id = hash.substring(0, 16);
        String url = evidence.url() == null ? null : pieceNumber > 0 ? evidence.url() + "#篇" + pieceNumber : evidence.url();
        return new Report(id, url, url == null ? List.of() : List.of(url), title, issuer, level(issuer), year, published,
                Region.UNKNOWN, new Site(evidence.siteName(), evidence.siteIdCode()), sections, evidence.attachments(), hash);
    }

    private static String cleanLine(String line) {
        String cleaned = line.strip().replaceAll("^#+\\s*", "").replaceAll("\\*\\*", "");
        return cleaned.replace('\u3000', ' ').strip();
    }

    private static int firstHeadingIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (TOP_HEADING.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** The title is the line (or two broken lines) before the first heading that names the report. */
    private static String titleFromLines(List<String> lines, int firstHeading) {
        for (int i = 0; i < Math.min(firstHeading, 8); i++) {
            String line = lines.get(i);
            if (line.length() > 60) {
                continue;
            }
            if (line.contains("报告") && (line.contains("法治") || line.contains("依法行政"))) {
                return line;
            }
            if (line.contains("法治") && i + 1 < firstHeading && lines.get(i + 1).endsWith("报告") && lines.get(i + 1).length() < 20) {
                return line + lines.get(i + 1);
            }
        }
        return null;
    }

    /** A 来源:/发布机构: field in the first lines of a converted page. */
    private static String sourceLine(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), 5); i++) {
            Matcher m = SOURCE_LINE.matcher(lines.get(i));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Issuer names of anonymised 范文 (xx区人民政府) are not values. */
    private static String issuer(String title, String source, List<String> lines) {
        String issuer = issuerCandidate(title, source, lines);
        return issuer == null || issuer.matches(".*[xX×]{2}.*") ? null : issuer;
    }

    private static String issuerCandidate(String title, String source, List<String> lines) {
        if (title != null) {
            Matcher m = ISSUER.matcher(title.replace(" ", ""));
            if (m.find() && m.group(1).length() >= 4 && !m.group(1).matches(".*[xX×]{2}.*")) {
                return m.group(1);
            }
        }
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
            Matcher m = SIGNATURE.matcher(lines.get(i).replace(" ", ""));
            if (m.matches()) {
                return m.group(1);
            }
        }
        if (source != null && !source.isBlank()) {
            return source.strip();
        }
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            Matcher m = SIGNATURE.matcher(lines.get(i).replace(" ", ""));
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Level level(String issuer) {
        if (issuer == null) {
            return Level.UNKNOWN;
        }
        if (issuer.matches(".*(镇|乡|街道).*(人民政府|办事处)$") || issuer.endsWith("街道办事处")) {
            return Level.TOWNSHIP;
        }
        if (issuer.matches(".*(区|县|市)人民政府$") && issuer.matches(".*(区|县).*")) {
            return Level.DISTRICT;
        }
        if (issuer.matches(".*(局|委|办)$")) {
            return Level.DEPARTMENT;
        }
        return Level.UNKNOWN;
    }

    /** The year reported on: from the title, else the first sentences; 20xx stays unknown. */
    private static Integer year(String title, List<String> lines) {
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) {
                return yearValue(m.group(1));
            }
        }
        for (int i = 0; i < Math.min(lines.size(), 6); i++) {
            String line = lines.get(i);
            Matcher m = YEAR.matcher(line);
            if (m.find() && !CN_DATE.matcher(line).find()) {
                return yearValue(m.group(1));
            }
        }
        return null;
    }

    /** 20xx in anonymised 范文 is an unknown year, not a value. */
    private static Integer yearValue(String digits) {
        return digits.matches("\\d{4}") ? Integer.valueOf(digits) : null;
    }

    private static LocalDate published(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), 5); i++) {
            Matcher m = DATE_LINE.matcher(lines.get(i));
            if (m.find()) {
                Matcher d = ISO_DATE.matcher(m.group(1));
                if (d.find()) {
                    LocalDate date = date(d);
                    if (date != null) {
                        return date;
                    }
                }
            }
        }
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 6); i--) {
            Matcher m = CN_DATE.matcher(lines.get(i));
            if (m.matches() || (m.find() && lines.get(i).length() < 20)) {
                LocalDate date = date(m);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate date(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null; // 2021年2月30日 is not a date; the caller keeps looking
        }
    }

    private static List<Section> sections(List<String> lines, int firstHeading, String title) {
        List<Section> sections = new ArrayList<>();
        StringBuilder preamble = new StringBuilder();
        for (int i = 0; i < firstHeading; i++) {
            if (!lines.get(i).equals(title)) {
                appendLine(preamble, lines.get(i));
            }
        }
        if (!preamble.isEmpty()) {
            sections.add(new Section(null, SectionKind.PREAMBLE, preamble.toString()));
        }
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (int i = firstHeading; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TOP_HEADING.matcher(line).matches()) {
                if (heading != null) {
                    sections.add(new Section(heading, kindOf(heading), text.toString()));
                }
                heading = line;
                text.setLength(0);
            } else {
                appendLine(text, line);
            }
        }
        if (heading != null) {
            sections.add(new Section(heading, kindOf(heading), text.toString()));
        }
        return sections;
    }

    private static void appendLine(StringBuilder text, String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
    }

    static SectionKind kindOf(String heading) {
        if (heading.matches(".*(不足|问题|短板|差距).*")) {
            return SectionKind.PROBLEMS;
        }
        if (heading.matches(".*(第一责任人|主要负责人|述法).*")) {
            return SectionKind.LEADERSHIP;
        }
        if (heading.matches(".*(下一年度|下一步|下步|明年|工作思路|工作打算|努力方向|意见建议|安排|计划).*")) {
            return SectionKind.PLANS;
        }
        if (heading.matches(".*其他.*")) {
            return SectionKind.OTHER;
        }
        return SectionKind.MEASURES;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
