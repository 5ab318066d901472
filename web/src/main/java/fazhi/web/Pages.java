package fazhi.web;

import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.compare.CompareService;
import fazhi.indexer.compare.PeerGroup;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchResult;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.search.Trends;
import fazhi.indexer.view.ReportViews;
import fazhi.web.view.ComparePage;
import fazhi.web.view.Links;
import fazhi.web.view.SearchPage;
import fazhi.web.view.TrendsPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** HTML pages: parse parameters, call the services, render a template. */
final class Pages {
    private final SearchService search;
    private final ReportViews reports;
    private final CompareService compare;
    private final Templates templates;

    Pages(SearchService search, Templates templates) {
        this.search = search;
        this.reports = new ReportViews(search);
        this.compare = new CompareService(search);
        this.templates = templates;
    }

    void search(Context ctx) {
        SearchRequest request = Params.search(ctx);
        long start = System.nanoTime();
        SearchResult result = search.search(request);
        long micros = (System.nanoTime() - start) / 1_000;
        html(ctx, "search.jte", new SearchPage(request, result, micros));
    }

    void report(Context ctx) {
        html(ctx, "report.jte", reports.view(ctx.pathParam("id"), ctx.queryParam("q")));
    }

    void compare(Context ctx) {
        String group = ctx.queryParam("group");
        if (group != null && !group.isBlank()) {
            // A peer group resolves to explicit columns, so the URL the reader ends up on can be reordered and shared.
            var ids = compare.peers(PeerGroup.fromCode(group), ctx.queryParam("of"));
            ctx.redirect(Links.compare(new CompareRequest(ctx.queryParam("q"), ids)), HttpStatus.FOUND);
            return;
        }
        CompareRequest request = Params.compare(ctx);
        html(ctx, "compare.jte", new ComparePage(request, request.complete() ? compare.compare(request) : null));
    }

    void trends(Context ctx) {
        SearchRequest request = Params.search(ctx);
        html(ctx, "trends.jte", new TrendsPage(request, Trends.of(search, request)));
    }

    private void html(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, model));
    }
}
