package fazhi.indexer.search;

import java.util.List;

/**
 * One page of a search: the shape of {@code /api/search}. {@code query} echoes the normalised query text,
 * {@code total} counts matching reports (not sections). {@code nextCursor} continues after the last hit of this
 * page (null when there is nothing more). HTML, JSON and CSV are renderings of this type (and of
 * {@link SearchService#forEachHit} for the whole result set).
 */
public record SearchResult(String query, long total, List<ReportHit> hits, SearchFacets facets, SearchRequest request,
                           String nextCursor) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** Number of pages at the request's page size (0 when nothing matched or size is 0). */
    public long pageCount() {
        return request.size() == 0 ? 0 : (total + request.size() - 1) / request.size();
    }
}
