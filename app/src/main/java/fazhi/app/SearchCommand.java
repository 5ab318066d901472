package fazhi.app;

import fazhi.core.BadInputException;
import fazhi.indexer.render.SearchCsv;
import fazhi.indexer.render.SearchJson;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Search the index of DIR and print matching reports (JSON as /api/search, or CSV).")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--year") List<String> years;
    @Option(names = "--region", paramLabel = "NAME|CODE") List<String> regions;
    @Option(names = "--section", paramLabel = "KIND") List<String> sections;
    @Option(names = "--level") List<String> levels;
    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or region") String sort;
    @Option(names = "--format", defaultValue = "json", description = "json or csv") String format;
    @Option(names = "--limit", paramLabel = "N", description = "at most N reports (default: all)") Integer limit;
    @Parameters(arity = "1..*", paramLabel = "QUERY") List<String> query;

    /** Raw bytes to stdout: JSON and CSV are written as UTF-8 whatever the console encoding is. */
    private final OutputStream output = System.out;

    @Override
    public Integer call() throws Exception {
        SearchRequest.Builder builder = SearchRequest.builder().q(String.join(" ", query)).sort(sort).size(0);
        if (years != null) {
            years.forEach(builder::year);
        }
        if (regions != null) {
            regions.forEach(builder::region);
        }
        if (sections != null) {
            sections.forEach(builder::section);
        }
        if (levels != null) {
            levels.forEach(builder::level);
        }
        SearchRequest request = builder.build();
        if (limit != null && limit < 1) {
            throw new BadInputException("bad-limit", "--limit 必须是正整数：" + limit);
        }
        long max = limit == null ? 0 : limit; // 0 = every matching report
        OutputStream out = new BufferedOutputStream(output);
        try (SearchService service = SearchService.open(data.existing())) {
            switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    SearchJson.writeAll(service, request, max, writer);
                    writer.write('\n');
                    writer.flush();
                }
                case "csv" -> SearchCsv.writeAll(service, request, max, out);
                default -> throw new BadInputException("bad-format", "--format 只能是 json 或 csv：" + format);
            }
        }
        out.flush();
        return PortalCli.OK;
    }
}
