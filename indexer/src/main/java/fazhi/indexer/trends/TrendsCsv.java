package fazhi.indexer.trends;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The trend numbers as CSV: one row per year, then one per region (UTF-8 with BOM, like every export). */
public final class TrendsCsv {
    public static final List<String> HEADER = List.of("维度", "取值", "匹配报告数", "报告总数", "占比");

    private TrendsCsv() {
    }

    public static void write(Trends trends, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(HEADER);
        for (Trends.Point p : trends.byYear()) {
            csv.printRecord("年份", p.key(), p.matching(), p.total(), p.percent());
        }
        for (Trends.Point p : trends.byRegion()) {
            csv.printRecord("地区", p.key(), p.matching(), p.total(), p.percent());
        }
        csv.flush();
    }
}
