package fazhi.indexer.compare;

import fazhi.indexer.search.Comparison;
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
 * CSV of a comparison, laid out as on screen: first column the section kind, then one column per report; a cell
 * holds its matching paragraphs (plain text, one per line) or 未提及. UTF-8 with BOM; formula-like cells neutralised.
 */
public final class CompareCsv {
    public static final String NOT_MENTIONED = "未提及";

    private CompareCsv() {
    }

    public static void write(Comparison comparison, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        List<String> header = new ArrayList<>();
        header.add("章节类别");
        comparison.columns().forEach(c -> header.add(c.label() + "（" + c.id() + "）"));
        csv.printRecord(header.stream().map(CompareCsv::neutralise).toList());
        for (Comparison.Row row : CompareService.shownRows(comparison)) {
            List<String> cells = new ArrayList<>();
            cells.add(row.kind().label());
            for (Comparison.Cell cell : row.cells()) {
                cells.add(cell.mentioned() ? String.join("\n", cell.passages().stream().map(Comparison.Passage::text).toList()) : NOT_MENTIONED);
            }
            csv.printRecord(cells.stream().map(CompareCsv::neutralise).toList());
        }
        csv.flush();
    }

    /** Spreadsheet formula injection guard (OWASP CSV injection), as in the search CSV. */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
