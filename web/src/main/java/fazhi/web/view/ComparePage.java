package fazhi.web.view;

import fazhi.indexer.compare.CompareRequest;
import fazhi.indexer.compare.CompareService;
import fazhi.indexer.search.Comparison;
import fazhi.indexer.view.Figures;
import java.util.ArrayList;
import java.util.List;

/** The compare page: the request and, when it is complete, the search service's comparison. */
public record ComparePage(CompareRequest request, Comparison grid) {

    /** A column header: the report, how often it mentions the measure, and the links that move or remove it. */
    public record ColumnView(Comparison.Column column, int mentions, String left, String right, String remove) {
    }

    public String title() {
        return request.q().isEmpty() ? "对比" : request.q() + " - 对比";
    }

    public List<ColumnView> columns() {
        List<ColumnView> views = new ArrayList<>();
        List<Comparison.Column> columns = grid.columns();
        for (int i = 0; i < columns.size(); i++) {
            String id = columns.get(i).id();
            views.add(new ColumnView(columns.get(i), CompareService.mentions(grid, i),
                    i == 0 ? null : Links.compare(request.move(id, -1)),
                    i == columns.size() - 1 ? null : Links.compare(request.move(id, 1)),
                    Links.compare(request.without(id))));
        }
        return views;
    }

    public List<Comparison.Row> rows() {
        return CompareService.shownRows(grid);
    }

    /** A passage with its figures (6件, 614起, 99.8%) emphasised; the passage HTML is already escaped. */
    public static String emphasised(Comparison.Passage passage) {
        return Figures.emphasise(passage.html());
    }

    /** Headings are shown once per run of passages from the same section. */
    public static boolean newHeading(Comparison.Cell cell, int index) {
        String heading = cell.passages().get(index).heading();
        return heading != null && (index == 0 || !heading.equals(cell.passages().get(index - 1).heading()));
    }
}
