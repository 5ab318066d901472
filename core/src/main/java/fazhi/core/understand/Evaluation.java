package fazhi.core.understand;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures report understanding against labelled fixtures (titles.tsv, headings.tsv, decisions.tsv in one folder;
 * tab-separated, comment lines start with "# ");
 * the folder is core/src/test/resources/fazhi/core/understand). Used by the core test, which holds the bar, and by
 * {@code ./portal eval}, which prints the figures: one code path for both.
 */
public final class Evaluation {
    /** The bar on the fixtures written together with the rules (an upper bound of what the rules do). */
    public static final double BAR = 0.95;
    /** The bar on held-out sets (holdout/, holdout2/), written without tuning the rules to them. */
    public static final double HOLDOUT_BAR = 0.90;

    private final ReportUnderstanding understanding;

    public Evaluation(ReportUnderstanding understanding) {
        this.understanding = understanding;
    }

    /** How many labelled cases one field got right. */
    public record FieldScore(String field, int correct, int total) {
        public double accuracy() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    /** Accuracy per field and every mismatch, described for a person ("year: … expected 2021, got null"). */
    public record Result(List<FieldScore> scores, List<String> mismatches) {
        public boolean meetsBar() {
            return meetsBar(BAR);
        }

        public boolean meetsBar(double bar) {
            return scores.stream().allMatch(s -> s.total() > 0 && s.accuracy() >= bar);
        }
    }

    public Result run(Path folder) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String field : List.of("year", "issuer", "level", "region", "code", "section kind", "decision")) {
            counts.put(field, new int[2]);
        }
        List<String> mismatches = new ArrayList<>();
        TextNormalizer normalizer = TextNormalizer.instance();

        for (String[] row : rows(folder.resolve("titles.tsv"), 12)) {
            PageEvidence evidence = new PageEvidence(value(row[1]), row[0], "", null, value(row[2]), null, value(row[3]), null, null, List.of());
            ReportFacts facts = understanding.readFacts(evidence);
            Integer year = row[4].equals("-") ? null : Integer.valueOf(row[4]);
            String issuer = nullable(row[5]);
            Region region = new Region(nullable(row[7]), nullable(row[8]), nullable(row[9]), nullable(row[10]), nullable(row[11]));
            score(counts, mismatches, "year", row[0], year, facts.year());
            score(counts, mismatches, "issuer", row[0], issuer == null ? null : normalizer.searchForm(issuer),
                    facts.issuer() == null ? null : normalizer.searchForm(facts.issuer()));
            score(counts, mismatches, "level", row[0], Level.fromCode(row[6]), facts.level());
            score(counts, mismatches, "region", row[0], region, facts.region());
            score(counts, mismatches, "code", row[0], region.code(), facts.region().code());
        }
        for (String[] row : rows(folder.resolve("headings.tsv"), 3)) {
            score(counts, mismatches, "section kind", row[0], SectionKind.fromCode(row[2]), understanding.classifyHeading(row[0], row[1]));
        }
        for (String[] row : rows(folder.resolve("decisions.tsv"), 3)) {
            PageEvidence evidence = new PageEvidence("https://example.invalid/page.html", value(row[0]), row[1], null, null, null, null, null, null, List.of());
            Understanding result = understanding.understand(evidence);
            String outcome = result.isReport() ? "report" : result.rejection().code();
            score(counts, mismatches, "decision", row[0].isEmpty() ? row[1] : row[0], row[2], outcome);
        }
        List<FieldScore> scores = new ArrayList<>();
        counts.forEach((field, c) -> scores.add(new FieldScore(field, c[0], c[1])));
        return new Result(scores, mismatches);
    }

    private static void score(Map<String, int[]> counts, List<String> mismatches, String field, String label, Object expected, Object actual) {
        int[] c = counts.get(field);
        c[1]++;
        if (Objects.equals(expected, actual)) {
            c[0]++;
        } else {
            mismatches.add(field + ": " + label + " — expected " + expected + ", got " + actual);
        }
    }

    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("# ")) { // "## 一、…" is a labelled markdown heading, not a comment
                continue;
            }
            String[] row = line.split("\t", -1);
            if (row.length != columns) {
                throw new IllegalArgumentException(file + ":" + number + ": expected " + columns + " tab-separated columns, found " + row.length);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Evidence columns: empty = absent. */
    private static String value(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    /** Expected values: "-" = null. */
    private static String nullable(String cell) {
        return cell.equals("-") ? null : cell;
    }
}
