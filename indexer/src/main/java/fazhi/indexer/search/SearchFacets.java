package fazhi.indexer.search;

import java.util.List;

/** Facet counts of a result: year (newest first), region (hierarchical), section kind and level. */
public record SearchFacets(List<FacetCount> year, List<FacetCount> region, List<FacetCount> section, List<FacetCount> level) {
    public SearchFacets {
        year = List.copyOf(year);
        region = List.copyOf(region);
        section = List.copyOf(section);
        level = List.copyOf(level);
    }
}
