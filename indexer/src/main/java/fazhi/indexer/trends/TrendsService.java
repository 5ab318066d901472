package fazhi.indexer.trends;

import fazhi.indexer.search.FacetCount;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchResult;
import fazhi.indexer.search.SearchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link Trends} from two facet-only searches: the request itself and the same filters without query text.
 * Facet counts are drill-sideways, so a selected year or region does not hide the others from the trend.
 */
public final class TrendsService {
    private final SearchService search;

    public TrendsService(SearchService search) {
        this.search = search;
    }

    public Trends trends(SearchRequest request) {
        SearchRequest counting = request.withSize(0).withPage(1);
        SearchResult matching = search.search(counting);
        SearchResult all = search.search(new SearchRequest("", request.years(), request.regions(), List.of(), request.levels(),
                null, 1, 0, null));
        Map<String, Long> yearTotals = totals(all.facets().year());
        List<Trends.Point> years = new ArrayList<>();
        for (FacetCount year : matching.facets().year()) {
            years.add(new Trends.Point(year.value(), year.label(), year.count(), yearTotals.getOrDefault(year.value(), year.count())));
        }
        years.sort(Comparator.comparing(Trends.Point::key));
        Map<String, Long> regionTotals = totals(regionsBelowTop(all.facets().region()));
        List<Trends.Point> regions = new ArrayList<>();
        for (FacetCount region : regionsBelowTop(matching.facets().region())) {
            regions.add(new Trends.Point(region.value(), region.value().replace("/", " / "), region.count(),
                    regionTotals.getOrDefault(region.value(), region.count())));
        }
        regions.sort(Comparator.comparingLong(Trends.Point::matching).reversed().thenComparing(Trends.Point::key));
        return new Trends(matching.query(), matching.total(), all.total(), years, regions);
    }

    /** The level below the provinces (districts of a municipality, cities elsewhere); a province with no children stays. */
    private static List<FacetCount> regionsBelowTop(List<FacetCount> provinces) {
        List<FacetCount> below = new ArrayList<>();
        for (FacetCount province : provinces) {
            if (province.children().isEmpty()) {
                below.add(province);
            } else {
                below.addAll(province.children());
            }
        }
        return below;
    }

    private static Map<String, Long> totals(List<FacetCount> counts) {
        Map<String, Long> totals = new HashMap<>();
        counts.forEach(c -> totals.put(c.value(), c.count()));
        return totals;
    }
}
