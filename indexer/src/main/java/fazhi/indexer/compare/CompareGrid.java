package fazhi.indexer.compare;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.SectionKind;
import java.util.List;

/**
 * The comparison grid: columns are reports, rows are section kinds, each cell holds the paragraphs of that report's
 * sections of that kind in which the measure occurs. {@code /compare} renders it as HTML, {@code /api/compare} as
 * JSON and {@code /compare.csv} as CSV.
 */
public record CompareGrid(String query, List<Column> columns, List<Row> rows) {
    public CompareGrid {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public record Column(String id, String label, String title, String issuer, Level level, Integer year, Region region,
                         String url, int mentions) {
    }

    public record Row(SectionKind kind, String label, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A cell: the matching sections of one kind; empty = 未提及 (the report does not mention the measure there). */
    public record Cell(List<Passage> sections) {
        public Cell {
            sections = List.copyOf(sections);
        }

        public boolean mentioned() {
            return !sections.isEmpty();
        }
    }

    /**
     * The matching paragraphs of one section: {@code html} escaped, measure in {@code <mark>}, figures in
     * {@code <strong class="fig">}; {@code texts} the same paragraphs as plain text. When only the heading matched,
     * both lists are empty.
     */
    public record Passage(String heading, List<String> html, List<String> texts) {
        public Passage {
            html = List.copyOf(html);
            texts = List.copyOf(texts);
        }
    }
}
