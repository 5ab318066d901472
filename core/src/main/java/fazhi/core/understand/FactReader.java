package fazhi.core.understand;

import fazhi.core.config.AnalysisConfig;
import fazhi.core.model.Level;
import fazhi.core.region.Division;
import fazhi.core.region.RegionResolver;
import fazhi.core.text.TextNormalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts of a report from its lines by the rules of analysis-config/understanding/facts.yml: page chrome,
 * metadata lines, title, year, published date, issuer and level. Rules match the search form without whitespace;
 * values shown to users (title, issuer) are cut from the original text.
 */
final class FactReader {
    static final String FILE = "understanding/facts.yml";
    private static final Pattern CHINESE_YEAR = Pattern.compile("二[〇零○][〇零○一二三四五六七八九]{2}(?=年)");
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}&&[^·]]");

    private final FactRules rules;
    private final RegionResolver regions;
    private final List<Pattern> leadingChrome;
    private final List<Pattern> trailingChrome;
    private final List<Pattern> publishedLines;
    private final Pattern sourceLine;
    private final Pattern siteIdCode;
    private final Pattern year;
    private final Pattern unknownYear;
    private final Pattern signatureDate;
    private final List<Pattern> issuerPrefixes;
    private final Pattern issuerInTitle;
    private final Pattern issuerLine;
    private final Pattern issuerInBrackets;
    private final Pattern anonymised;
    private final List<String> suffixes;
    private final Set<String> departmentSuffixes;
    private final Set<String> governmentSuffixes;
    private final List<Map.Entry<String, Level>> levelSuffixes;
    /** The words of levelBySuffix (区, 县, 镇 …): a department may name its division by one of them alone. */
    private final Set<String> levelWords;

    FactReader(FactRules rules, RegionResolver regions) {
        this.rules = rules;
        this.regions = regions;
        leadingChrome = rules.chrome().leading().stream().map(Pattern::compile).toList();
        trailingChrome = rules.chrome().trailing().stream().map(Pattern::compile).toList();
        publishedLines = rules.publishedLines().stream().map(Pattern::compile).toList();
        sourceLine = Pattern.compile(rules.sourceLine());
        siteIdCode = Pattern.compile(rules.siteIdCode());
        year = Pattern.compile(rules.year());
        unknownYear = Pattern.compile(rules.unknownYear());
        signatureDate = Pattern.compile(rules.signatureDate());
        issuerPrefixes = rules.issuerPrefixes().stream().map(Pattern::compile).toList();
        List<String> all = new ArrayList<>();
        all.addAll(rules.governmentSuffixes());
        all.addAll(rules.departmentSuffixes());
        all.addAll(rules.divisionSuffixes());
        all.sort(Comparator.comparingInt(String::length).reversed());
        suffixes = List.copyOf(all);
        departmentSuffixes = Set.copyOf(rules.departmentSuffixes());
        governmentSuffixes = Set.copyOf(rules.governmentSuffixes());
        String alternatives = String.join("|", suffixes.stream().map(Pattern::quote).toList());
        issuerInTitle = Pattern.compile("^(.{2,40}?(?:" + alternatives + "))" + rules.issuerFollowers());
        issuerLine = Pattern.compile("^(.{2,40}(?:" + alternatives + "))$");
        anonymised = Pattern.compile(rules.anonymised());
        issuerInBrackets = Pattern.compile(rules.issuerInBrackets());
        List<Map.Entry<String, Level>> levels = new ArrayList<>();
        rules.levelBySuffix().forEach((level, list) -> list.forEach(s -> levels.add(Map.entry(s, Level.fromCode(level)))));
        levels.sort(Comparator.comparingInt((Map.Entry<String, Level> e) -> e.getKey().length()).reversed());
        levelSuffixes = List.copyOf(levels);
        levelWords = Set.copyOf(levels.stream().map(Map.Entry::getKey).toList());
    }

    static FactReader load(AnalysisConfig config, RegionResolver regions) {
        return new FactReader(config.yaml(FILE, FactRules.class), regions);
    }

    static String key(String text) {
        return FoldedText.of(text, true).folded();
    }

    /** The lines without the site chrome: metadata lines near the start, footer lines at the end. */
    List<String> withoutChrome(List<String> lines) {
        int to = lines.size();
        while (to > 0 && matchesAny(key(lines.get(to - 1)), trailingChrome)) {
            to--;
        }
        List<String> kept = new ArrayList<>(to);
        for (int i = 0; i < to; i++) {
            if (i >= rules.metadataLines() || !matchesAny(key(lines.get(i)), leadingChrome)) {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }

    private static boolean matchesAny(String text, List<Pattern> patterns) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Metadata the page text carries (converted pages and saved files): date, source, SiteIDCode. */
    record TextMetadata(LocalDate published, String source, String siteIdCode) {
    }

    TextMetadata metadata(List<String> lines) {
        LocalDate published = null;
        String source = null;
        List<String> head = lines.subList(0, Math.min(lines.size(), rules.metadataLines()));
        for (Pattern pattern : publishedLines) {
            for (String line : head) {
                Matcher date = pattern.matcher(key(line));
                if (published == null && date.find()) {
                    published = date(date.group(1), date.group(2), date.group(3));
                }
            }
        }
        for (int i = 0; i < head.size(); i++) {
            FoldedText line = FoldedText.of(head.get(i), true);
            Matcher from = sourceLine.matcher(line.folded());
            if (source == null && from.find()) {
                source = line.originalOf(from.start(1), from.end(1)).strip();
            }
        }
        String idCode = null;
        for (int i = lines.size() - 1; i >= 0 && idCode == null; i--) {
            Matcher m = siteIdCode.matcher(key(lines.get(i)));
            if (m.find()) {
                idCode = m.group(1).toUpperCase(java.util.Locale.ROOT);
            }
        }
        return new TextMetadata(published, source, idCode);
    }

    /** A title found in the body: the text and the indexes of the lines it took. */
    record FoundTitle(String text, Set<Integer> lines) {
    }

    /** The first lines before the first heading that name the report; a title broken over two lines is joined. */
    FoundTitle title(List<String> lines, int firstHeading) {
        for (int i = 0; i < Math.min(Math.min(firstHeading, lines.size()), rules.titleSearchLines()); i++) {
            String line = lines.get(i);
            String k = key(line);
            if (k.length() > rules.maxTitleChars() || !containsAny(k, rules.titleTopics())) {
                continue;
            }
            if (i + 1 < firstHeading) {
                String next = key(lines.get(i + 1));
                if (next.length() <= 8 && containsAny(next, rules.titleCues()) && k.length() + next.length() <= rules.maxTitleChars()) {
                    return new FoundTitle(line + lines.get(i + 1).strip(), Set.of(i, i + 1));
                }
            }
            if (containsAny(k, rules.titleCues())) {
                return new FoundTitle(line, Set.of(i));
            }
        }
        return null;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Result of looking for a year: a year, an explicit unknown (20xx), or nothing said. */
    private record YearFound(Integer year, boolean said) {
    }

    /** The year reported on: from the title, else from the opening lines; 20xx is unknown, never guessed. */
    Integer year(String title, List<String> openingLines) {
        if (title != null) {
            YearFound found = yearIn(title);
            if (found.said()) {
                return found.year();
            }
        }
        for (int i = 0; i < Math.min(openingLines.size(), rules.openingLines()); i++) {
            YearFound found = yearIn(openingLines.get(i));
            if (found.said()) {
                return found.year();
            }
        }
        return null;
    }

    private YearFound yearIn(String text) {
        String folded = arabicYears(key(text));
        Matcher m = year.matcher(folded);
        while (m.find()) {
            String digits = m.group(1);
            if (unknownYear.matcher(digits).matches()) {
                return new YearFound(null, true);
            }
            int value = Integer.parseInt(digits);
            if (value >= rules.minYear() && value <= rules.maxYear()) {
                return new YearFound(value, true);
            }
        }
        return new YearFound(null, false);
    }

    /** 二〇二一年 → 2021年. */
    private static String arabicYears(String text) {
        Matcher m = CHINESE_YEAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder digits = new StringBuilder();
            for (char c : m.group().toCharArray()) {
                int d = CHINESE_DIGITS.indexOf(c == '零' || c == '○' ? '〇' : c);
                digits.append(d);
            }
            m.appendReplacement(out, digits.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The date under the signature at the end of the body (2022年1月10日). */
    LocalDate signatureDate(List<String> lines) {
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - rules.signatureLines()); i--) {
            Matcher m = signatureDate.matcher(key(lines.get(i)));
            if (m.matches()) {
                LocalDate date = date(m.group(1), m.group(2), m.group(3));
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException e) {
            return null; // 2月30日 is no date; the caller looks elsewhere
        }
    }

    /**
     * The issuer: named at the start of the title, else the signature block, else the source, else a header line
     * above the title. Anonymised names (xx区人民政府) are no issuer.
     */
    String issuer(String title, String source, List<String> lines, Set<Integer> titleLines) {
        String fromTitle = title == null ? null : issuerInTitle(title);
        if (fromTitle != null) {
            return fromTitle;
        }
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - rules.signatureLines()); i--) {
            String found = issuerLine(lines.get(i));
            if (found != null) {
                return found;
            }
        }
        if (source != null) {
            String found = issuerLine(source);
            if (found != null) {
                return found;
            }
        }
        int firstTitleLine = titleLines.stream().min(Integer::compare).orElse(-1);
        for (int i = 0; i < firstTitleLine; i++) {
            String found = issuerLine(lines.get(i));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private String issuerInTitle(String title) {
        FoldedText text = FoldedText.of(title, true);
        String folded = text.folded();
        int offset = 0;
        for (Pattern prefix : issuerPrefixes) {
            Matcher p = prefix.matcher(folded.substring(offset));
            if (p.lookingAt()) {
                offset += p.end();
            }
        }
        Matcher m = issuerInTitle.matcher(folded.substring(offset));
        if (m.find() && validName(m.group(1))) {
            return withoutSpaces(text.originalOf(offset + m.start(1), offset + m.end(1)));
        }
        Matcher brackets = issuerInBrackets.matcher(folded);
        if (brackets.find()) {
            return issuerLine(text.originalOf(brackets.start(1), brackets.end(1)));
        }
        return null;
    }

    private String issuerLine(String line) {
        FoldedText text = FoldedText.of(line, true);
        Matcher m = issuerLine.matcher(text.folded());
        // A signature or source line is a bare name: punctuation means a sentence or a heading.
        if (!m.matches() || PUNCTUATION.matcher(text.folded()).find() || !validName(m.group(1))) {
            return null;
        }
        return withoutSpaces(text.originalOf(m.start(1), m.end(1)));
    }

    /**
     * The name before the organisation suffix has two characters or more and is no placeholder; a department may be
     * named by a level word alone (区司法局).
     */
    private boolean validName(String folded) {
        if (anonymised.matcher(folded).find()) {
            return false;
        }
        String suffix = suffixOf(folded);
        if (suffix == null) {
            return false;
        }
        String name = folded.substring(0, folded.length() - suffix.length());
        return name.length() >= 2 || (departmentSuffixes.contains(suffix) && levelWords.contains(name));
    }

    private String suffixOf(String folded) {
        for (String s : suffixes) {
            if (folded.endsWith(s)) {
                return s;
            }
        }
        return null;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("[\\s\u3000]+", "");
    }

    /**
     * Township for 镇/乡/街道 governments, district for 区/县 (and county-level cities), department for bureaus and
     * offices, city and province above; the gazetteer decides what a 市 is. Unknown when there is no issuer.
     */
    Level level(String issuer) {
        if (issuer == null) {
            return Level.UNKNOWN;
        }
        String folded = key(issuer);
        String suffix = suffixOf(folded);
        if (suffix == null) {
            return Level.UNKNOWN;
        }
        if (departmentSuffixes.contains(suffix)) {
            return Level.DEPARTMENT;
        }
        String name = governmentSuffixes.contains(suffix) ? folded.substring(0, folded.length() - suffix.length()) : folded;
        Division named = regions.lastNamed(name);
        if (named != null && named.depth() == Division.TOWNSHIP && !endsWithLevel(name, Level.TOWNSHIP)) {
            named = null; // e.g. a township that shares its name with the district's seat; trust the suffix
        }
        if (named != null) {
            return switch (named.depth()) {
                case Division.TOWNSHIP -> Level.TOWNSHIP;
                case Division.DISTRICT -> Level.DISTRICT;
                case Division.CITY -> Level.CITY;
                default -> Level.PROVINCE;
            };
        }
        for (Map.Entry<String, Level> e : levelSuffixes) {
            if (name.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return Level.UNKNOWN;
    }

    private boolean endsWithLevel(String name, Level level) {
        return levelSuffixes.stream().anyMatch(e -> e.getValue() == level && name.endsWith(e.getKey()));
    }
}
