package fazhi.indexer.export;

import fazhi.core.model.Region;
import fazhi.indexer.render.SearchCsv;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code unit=report} companion of {@link SearchCsv}: one row per matching report (same report columns, then the
 * number of matching sections and their kinds), streamed from the same {@link SearchService#export} pass. UTF-8 with
 * BOM, formula-like cells neutralised, exactly like the per-section export.
 */
public final class ReportCsv {
    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(SearchCsv.HEADER.subList(0, 12));
        h.add("匹配章节数");
        h.add("匹配章节类别");
        HEADER = List.copyOf(h);
    }

    private ReportCsv() {
    }

    public static long writeAll(SearchService service, SearchRequest request, long limit, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(HEADER);
        long n = service.export(request, limit, new SearchService.ResultVisitor() {
            @Override
            public void visit(ReportHit hit) throws IOException {
                csv.printRecord(row(hit));
            }
        });
        csv.flush();
        return n;
    }

    static List<String> row(ReportHit hit) {
        Region region = hit.region();
        Set<String> kinds = new LinkedHashSet<>();
        for (SectionMatch match : hit.matches()) {
            kinds.add(match.kind().label());
        }
        List<String> cells = new ArrayList<>();
        cells.add(hit.id());
        cells.add(hit.title());
        cells.add(hit.issuer());
        cells.add(hit.level().label());
        cells.add(hit.year() == null ? "" : hit.year().toString());
        cells.add(hit.published() == null ? "" : hit.published().toString());
        cells.add(region.province());
        cells.add(region.city());
        cells.add(region.district());
        cells.add(region.township());
        cells.add(region.code());
        cells.add(hit.url());
        cells.add(String.valueOf(hit.matches().size()));
        cells.add(String.join("；", kinds));
        return cells.stream().map(ReportCsv::neutralise).toList();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
