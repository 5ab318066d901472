package fazhi.web.view;

import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.Trends;
import fazhi.indexer.trends.TrendsCsv;
import java.util.Comparator;
import java.util.List;

/** The trends page: the search it describes and the search service's trend numbers. */
public record TrendsPage(SearchRequest request, Trends trends) {
    public String title() {
        return request.q().isEmpty() ? "趋势" : request.q() + " - 趋势";
    }

    /** Oldest first, as a time axis reads. */
    public List<Trends.Point> years() {
        return trends.years().reversed();
    }

    /** One level of the region tree: districts (or cities) below the provinces when known, else the provinces. */
    public List<Trends.Point> regions() {
        int depth = trends.regions().stream().anyMatch(p -> p.depth() == 1) ? 1 : 0;
        return trends.regions().stream().filter(p -> p.depth() == depth)
                .sorted(Comparator.comparingLong(Trends.Point::matching).reversed().thenComparing(Trends.Point::value)).toList();
    }

    public long matching() {
        return trends.years().isEmpty() && trends.regions().isEmpty() ? 0
                : Math.max(trends.years().stream().mapToLong(Trends.Point::matching).sum(),
                        trends.regions().stream().filter(p -> p.depth() == 0).mapToLong(Trends.Point::matching).sum());
    }

    public static String label(Trends.Point p) {
        return p.value().replace("/", " / ");
    }

    public static String percent(Trends.Point p) {
        return TrendsCsv.percent(p);
    }
}
