package fazhi.indexer.index;

import java.util.List;

/**
 * What an indexing run did. {@code problems} lists corpus lines that were skipped (torn or invalid records) and
 * reports that could not be indexed, each with the reason.
 */
public record IndexSummary(boolean rebuilt, int reports, int indexed, int unchanged, int deleted, List<String> problems,
                           long generation) {
}
