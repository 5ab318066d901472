package fazhi.web;

import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.search.SearchRequest;
import io.javalin.http.Context;

/** URL parameters → request values; every malformed value becomes bad input (400) with a Chinese message. */
final class Params {
    private Params() {
    }

    static SearchRequest search(Context ctx) {
        SearchRequest.Builder b = SearchRequest.builder().q(ctx.queryParam("q"));
        ctx.queryParams("year").stream().filter(v -> !v.isBlank()).forEach(b::year);
        ctx.queryParams("region").forEach(b::region);
        ctx.queryParams("section").stream().filter(v -> !v.isBlank()).forEach(b::section);
        ctx.queryParams("level").stream().filter(v -> !v.isBlank()).forEach(b::level);
        b.sort(ctx.queryParam("sort"));
        b.page(ctx.queryParam("page"));
        b.size(ctx.queryParam("size"));
        b.cursor(ctx.queryParam("cursor"));
        return b.build();
    }

    static CompareRequest compare(Context ctx) {
        return new CompareRequest(ctx.queryParam("q"), ctx.queryParams("id"));
    }

}
