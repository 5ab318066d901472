package fazhi.indexer.search;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import java.time.LocalDate;
import java.util.List;

/**
 * One matching report with the sections that matched (in report order). {@code score} is the relevance score
 * (also computed under date and region sort); {@code matches} is empty when the query has no text (browsing).
 */
public record ReportHit(String id, String title, String issuer, Level level, Integer year, LocalDate published,
                        Region region, String url, float score, List<SectionMatch> matches) {
    public ReportHit {
        matches = List.copyOf(matches);
    }
}
