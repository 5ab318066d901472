package fazhi.indexer.trends;

import java.util.List;

/**
 * How many reports match a query per year and per region, each with the number of all reports there (same filters,
 * no query text), so shares are comparable across years of unequal coverage. The trends page draws it as a chart
 * and a table; {@code /api/trends} and {@code /trends.csv} render the same value.
 */
public record Trends(String query, long matching, long total, List<Point> byYear, List<Point> byRegion) {
    public Trends {
        byYear = List.copyOf(byYear);
        byRegion = List.copyOf(byRegion);
    }

    /** {@code key} is what goes back into a search (year, region path); {@code label} what a reader sees. */
    public record Point(String key, String label, long matching, long total) {
        /** Matching reports as a share of all reports there, 0..1 (0 when there are none). */
        public double share() {
            return total == 0 ? 0 : (double) matching / total;
        }

        /** The share as a percentage with one decimal, e.g. 33.3%. */
        public String percent() {
            return String.format(java.util.Locale.ROOT, "%.1f%%", share() * 100);
        }
    }
}
