package fazhi.indexer.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching reports per year and per region for a search, each with the number of all reports of that year or
 * region (the same filters without query text and section), so a chart can show counts and shares. Built from two
 * searches' facets: one definition of matching, no second path.
 *
 * @param years   newest first
 * @param regions every level of the region tree, as paths (重庆市, 重庆市/渝北区, 重庆市/渝北区/统景镇), depth first
 */
public record Trends(String query, List<Point> years, List<Point> regions) {
    public Trends {
        years = List.copyOf(years);
        regions = List.copyOf(regions);
    }

    /**
     * One bar: {@code matching} of {@code all} reports; {@code share} = matching / all (0 when all is 0).
     * {@code depth} is 0 for years and the region level (0 = province) for regions.
     */
    public record Point(String value, String label, int depth, long matching, long all, double share) {
    }

    public static Trends of(SearchService service, SearchRequest request) {
        SearchResult matching = service.search(request.withoutPaging());
        SearchRequest everything = new SearchRequest("", request.years(), request.regions(), List.of(), request.levels(),
                SortOrder.RELEVANCE, 1, 0, null);
        SearchResult all = service.search(everything);
        Map<String, Long> allYears = new HashMap<>();
        all.facets().year().forEach(f -> allYears.put(f.value(), f.count()));
        List<Point> years = new ArrayList<>();
        for (FacetCount f : matching.facets().year()) {
            years.add(point(f, 0, allYears.getOrDefault(f.value(), 0L)));
        }
        Map<String, Long> allRegions = new HashMap<>();
        flatten(all.facets().region(), 0, (f, depth) -> allRegions.put(f.value(), f.count()));
        List<Point> regions = new ArrayList<>();
        flatten(matching.facets().region(), 0, (f, depth) -> regions.add(point(f, depth, allRegions.getOrDefault(f.value(), 0L))));
        return new Trends(matching.query(), years, regions);
    }

    private static Point point(FacetCount f, int depth, long all) {
        return new Point(f.value(), f.label(), depth, f.count(), all, all == 0 ? 0 : (double) f.count() / all);
    }

    private interface Visitor {
        void visit(FacetCount facet, int depth);
    }

    private static void flatten(List<FacetCount> facets, int depth, Visitor visitor) {
        for (FacetCount f : facets) {
            visitor.visit(f, depth);
            flatten(f.children(), depth + 1, visitor);
        }
    }
}
