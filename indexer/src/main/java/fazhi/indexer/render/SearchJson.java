package fazhi.indexer.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fazhi.core.json.ReportJson;
import fazhi.indexer.search.ReportHit;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchResult;
import fazhi.indexer.search.SearchService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * JSON rendering of a search: the {@code /api/search} shape of design.md
 * ({@code {"query", "total", "hits": [...], "facets": {...}}}, plus {@code page}, {@code size}, {@code nextCursor}).
 * A page ({@link #write}) and a whole result set ({@link #writeAll}) share the same hit and facet serialisation.
 */
public final class SearchJson {
    private static final ObjectMapper MAPPER = ReportJson.mapper();

    private SearchJson() {
    }

    /**
     * One page, as {@code /api/search} answers, in UTF-8. Bytes, not a Writer: the page (about 60 KB of JSON at
     * 100k reports) went through a StringWriter, a String and its UTF-8 copy before, three copies per request.
     */
    public static void write(SearchResult result, OutputStream out) throws IOException {
        try (JsonGenerator json = leaveOpen(MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8))) {
            json.writeStartObject();
            header(json, result);
            json.writeArrayFieldStart("hits");
            for (ReportHit hit : result.hits()) {
                MAPPER.writeValue(json, hit);
            }
            json.writeEndArray();
            footer(json, result, result.nextCursor());
            json.writeEndObject();
        }
        out.flush();
    }

    /** The whole result set (first {@code limit} hits; ≤ 0 = all), streamed hit by hit. */
    public static long writeAll(SearchService service, SearchRequest request, long limit, Writer out) throws IOException {
        long n;
        try (JsonGenerator json = leaveOpen(MAPPER.getFactory().createGenerator(out))) {
            SearchResult[] summary = new SearchResult[1];
            n = service.export(request, limit, new SearchService.ResultVisitor() {
                @Override
                public void begin(SearchResult s) throws IOException {
                    summary[0] = s;
                    json.writeStartObject();
                    header(json, s);
                    json.writeArrayFieldStart("hits");
                }

                @Override
                public void visit(ReportHit hit) throws IOException {
                    MAPPER.writeValue(json, hit);
                }
            });
            json.writeEndArray();
            footer(json, summary[0], null);
            json.writeEndObject();
        }
        out.flush();
        return n;
    }

    /** The generator, set to leave its target open: the caller owns it (it may be a servlet or stdout stream). */
    private static JsonGenerator leaveOpen(JsonGenerator json) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return json;
    }

    private static void header(JsonGenerator json, SearchResult result) throws IOException {
        json.writeStringField("query", result.query());
        json.writeNumberField("total", result.total());
    }

    private static void footer(JsonGenerator json, SearchResult result, String nextCursor) throws IOException {
        json.writeFieldName("facets");
        MAPPER.writeValue(json, result.facets());
        json.writeNumberField("page", result.request().page());
        json.writeNumberField("size", result.request().size());
        json.writeStringField("sort", result.request().sort().code());
        json.writeStringField("nextCursor", nextCursor);
    }
}
