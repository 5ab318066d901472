package fazhi.indexer.trends;

import fazhi.indexer.search.Trends;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The numbers behind the trends chart as CSV: one row per year (oldest first), then one per region at every level.
 * UTF-8 with BOM like every export; region names come from crawled data, so cells are neutralised.
 */
public final class TrendsCsv {
    public static final List<String> HEADER = List.of("维度", "取值", "层级", "匹配报告数", "报告总数", "占比");

    private TrendsCsv() {
    }

    public static void write(Trends trends, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(HEADER);
        for (Trends.Point p : trends.years().reversed()) {
            csv.printRecord("年份", p.value(), "", p.matching(), p.all(), percent(p));
        }
        for (Trends.Point p : trends.regions()) {
            csv.printRecord("地区", neutralise(p.value()), p.depth(), p.matching(), p.all(), percent(p));
        }
        csv.flush();
    }

    /** 33.3% */
    public static String percent(Trends.Point p) {
        return String.format(Locale.ROOT, "%.1f%%", p.share() * 100);
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
