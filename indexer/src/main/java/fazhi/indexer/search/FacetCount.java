package fazhi.indexer.search;

import java.util.List;

/**
 * One facet value with its count of matching reports. {@code value} is what goes back into the request (a year,
 * a level or section code, a region path such as 重庆市/渝北区), {@code label} what a user reads (2021年, 镇街,
 * 存在的不足和原因, 渝北区). Region values have {@code children} (the next level down); others have none.
 * Counts are drill-sideways: a facet's counts ignore that facet's own selection, so other values stay visible.
 */
public record FacetCount(String value, String label, long count, boolean selected, List<FacetCount> children) {
    public FacetCount {
        children = List.copyOf(children);
    }
}
