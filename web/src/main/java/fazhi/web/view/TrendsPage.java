package fazhi.web.view;

import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.trends.Trends;

/** The trends page: the search it describes and the numbers. */
public record TrendsPage(SearchRequest request, Trends trends) {
    public String title() {
        return request.q().isEmpty() ? "趋势" : request.q() + " - 趋势";
    }
}
