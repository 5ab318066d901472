package fazhi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fazhi.core.json.ReportJson;
import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.compare.CompareService;
import fazhi.indexer.compare.PeerGroup;
import fazhi.indexer.render.SearchJson;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.search.Trends;
import fazhi.indexer.view.ReportIds;
import fazhi.indexer.view.ReportViews;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.ByteArrayOutputStream;

/** The JSON API of design.md: the same services as the pages, rendered as JSON. */
final class Api {
    private static final ObjectMapper JSON = ReportJson.mapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final SearchService search;
    private final CompareService compare;

    Api(SearchService search) {
        this.search = search;
        this.compare = new CompareService(search);
    }

    void search(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        SearchJson.write(search.search(Params.search(ctx)), out);
        ctx.contentType(JSON_TYPE).result(out.toByteArray());
    }

    void report(Context ctx) throws JsonProcessingException {
        String id = ReportIds.validate(ctx.pathParam("id"));
        json(ctx, JSON.writeValueAsString(search.report(id).orElseThrow(() -> ReportViews.notFound(id))));
    }

    void compare(Context ctx) throws JsonProcessingException {
        CompareRequest request = Params.compare(ctx);
        String group = ctx.queryParam("group");
        if (group != null && !group.isBlank()) {
            request = request.withIds(compare.peers(PeerGroup.fromCode(group), ctx.queryParam("of")));
        }
        json(ctx, JSON.writeValueAsString(compare.compare(request)));
    }

    void trends(Context ctx) throws JsonProcessingException {
        json(ctx, JSON.writeValueAsString(Trends.of(search, Params.search(ctx))));
    }

    private static void json(Context ctx, String body) {
        ctx.contentType(JSON_TYPE).result(body);
    }
}
