package fazhi.web;

import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.compare.CompareService;
import fazhi.indexer.compare.CompareCsv;
import fazhi.indexer.render.SearchCsv;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.trends.TrendsCsv;
import fazhi.indexer.search.Trends;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;

/** CSV downloads. The search export streams the whole result set straight to the socket (no cap, flat memory). */
final class Exports {
    private final SearchService search;
    private final CompareService compare;
    private final Clock clock;

    Exports(SearchService search, Clock clock) {
        this.search = search;
        this.compare = new CompareService(search);
        this.clock = clock;
    }

    void search(Context ctx) throws IOException {
        SearchRequest request = Params.search(ctx);
        SearchCsv.Unit unit = SearchCsv.Unit.fromCode(ctx.queryParam("unit"));
        // Translate and count before the first byte goes out: a bad query must still be a 400, not a broken download.
        long total = search.search(request.withSize(0).withPage(1)).total();
        start(ctx, Downloads.filename("法治报告", request.q(), LocalDate.now(clock)));
        ctx.header("X-Total-Count", Long.toString(total));
        SearchRequest whole = request.withPage(1).withCursor(null);
        OutputStream out = ctx.outputStream();
        SearchCsv.writeAll(search, whole, 0, unit, out);
        out.flush();
    }

    void compare(Context ctx) throws IOException {
        CompareRequest request = Params.compare(ctx);
        var grid = compare.compare(request);
        start(ctx, Downloads.filename("报告对比", request.q(), LocalDate.now(clock)));
        CompareCsv.write(grid, ctx.outputStream());
        ctx.outputStream().flush();
    }

    void trends(Context ctx) throws IOException {
        SearchRequest request = Params.search(ctx);
        Trends numbers = Trends.of(search, request);
        start(ctx, Downloads.filename("趋势", request.q(), LocalDate.now(clock)));
        TrendsCsv.write(numbers, ctx.outputStream());
        ctx.outputStream().flush();
    }

    private static void start(Context ctx, String filename) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", Downloads.attachment(filename));
    }
}
