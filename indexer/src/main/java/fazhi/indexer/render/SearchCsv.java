package fazhi.indexer.render;

import fazhi.core.model.Region;
import fazhi.indexer.search.ReportHit;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.search.SectionMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV rendering of a whole result set: one row per matching section (report fields, section kind, heading, plain
 * passage); a report without section matches (browsing, no query text) gets one row with the section cells empty.
 * UTF-8 with a byte-order mark so Excel detects the encoding. Cells that a spreadsheet would run as a formula
 * (starting with = + - @ TAB or CR) are prefixed with an apostrophe.
 */
public final class SearchCsv {
    public static final List<String> HEADER = List.of("报告ID", "标题", "发布机关", "层级", "年度", "发布日期", "省份", "城市",
            "区县", "镇街", "区划代码", "链接", "章节类别", "章节标题", "摘录");

    private SearchCsv() {
    }

    /** One row per matching section (the default) or one row per report ({@code unit=report}). */
    public enum Unit {
        SECTION, REPORT;

        /** Parses {@code section} / {@code report} (blank = section). */
        public static Unit fromCode(String code) {
            if (code == null || code.isBlank() || code.strip().equalsIgnoreCase("section")) {
                return SECTION;
            }
            if (code.strip().equalsIgnoreCase("report")) {
                return REPORT;
            }
            throw new fazhi.core.BadInputException("bad-unit", "导出单位无效：" + code + "（可选 section 按章节、report 按报告）");
        }
    }

    /** Streams the result set of {@code request} (first {@code limit} reports; ≤ 0 = all), one row per matching section. */
    public static long writeAll(SearchService service, SearchRequest request, long limit, OutputStream out) throws IOException {
        return writeAll(service, request, limit, Unit.SECTION, out);
    }

    /** Streams the result set of {@code request} in rows of {@code unit}. Returns reports written. */
    public static long writeAll(SearchService service, SearchRequest request, long limit, Unit unit, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(HEADER);
        // Rows only: the CSV carries no total or facets, so the summary pass export() would add is skipped.
        long n = service.forEachHit(request, limit, hit -> {
            if (unit == Unit.REPORT) {
                csv.printRecord(reportRow(hit));
                return;
            }
            if (hit.matches().isEmpty()) {
                csv.printRecord(row(hit, null));
            }
            for (SectionMatch match : hit.matches()) {
                csv.printRecord(row(hit, match));
            }
        });
        csv.flush();
        return n;
    }

    /** A report with all its matching sections folded into the three section cells. */
    static List<String> reportRow(ReportHit hit) {
        List<String> cells = new ArrayList<>(row(hit, null));
        int n = cells.size();
        cells.set(n - 3, neutralise(String.join("；", hit.matches().stream().map(m -> m.kind().label()).distinct().toList())));
        cells.set(n - 2, neutralise(String.join("；", hit.matches().stream().map(m -> m.heading() == null ? "" : m.heading()).toList())));
        cells.set(n - 1, neutralise(String.join(" ", hit.matches().stream().map(SectionMatch::snippetText).toList())));
        return cells;
    }

    static List<String> row(ReportHit hit, SectionMatch match) {
        Region region = hit.region();
        String[] cells = {
                hit.id(),
                hit.title(),
                hit.issuer(),
                hit.level().label(),
                hit.year() == null ? "" : hit.year().toString(),
                hit.published() == null ? "" : hit.published().toString(),
                region.province(),
                region.city(),
                region.district(),
                region.township(),
                region.code(),
                hit.url(),
                match == null ? "" : match.kind().label(),
                match == null ? "" : match.heading(),
                match == null ? "" : match.snippetText()};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = neutralise(cells[i]);
        }
        return java.util.Arrays.asList(cells);
    }

    /** Spreadsheet formula injection guard (OWASP CSV injection). */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
