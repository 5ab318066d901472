package fazhi.indexer.search;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.SectionKind;
import java.util.List;

/**
 * One measure (a query) across chosen reports, by section kind: the data of {@code /compare}. Rows are the section
 * kinds in taxonomy order, each with one cell per column (same order as {@code columns}); a cell without passages
 * means the report does not mention the measure in that kind of section (未提及).
 */
public record Comparison(String query, List<Column> columns, List<Row> rows) {
    public Comparison {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A compared report. {@code label} is what a column header shows (township or issuer, and year). */
    public record Column(String id, String label, String title, String issuer, Level level, Integer year, Region region,
                         String url) {
    }

    public record Row(SectionKind kind, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The matching paragraphs of one report in one kind of section. */
    public record Cell(String reportId, List<Passage> passages) {
        public Cell {
            passages = List.copyOf(passages);
        }

        public boolean mentioned() {
            return !passages.isEmpty();
        }
    }

    /**
     * One paragraph that matched, whole.
     *
     * @param html escaped text with the query's phrases in {@code <mark>}
     * @param text the same paragraph as plain text
     */
    public record Passage(String heading, String html, String text) {
    }
}
