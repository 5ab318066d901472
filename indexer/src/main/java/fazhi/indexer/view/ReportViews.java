package fazhi.indexer.view;

import fazhi.core.BadInputException;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.indexer.schema.ReportDocuments;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.search.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds {@link ReportView}s and peer groups from the search service's public API. */
public final class ReportViews {
    /** At most this many related reports per list. */
    public static final int MAX_RELATED = 30;
    private static final int CONTEXT = 14;

    private final SearchService search;

    public ReportViews(SearchService search) {
        this.search = search;
    }

    /** The report page of {@code id} with the hits of {@code q} (blank = no highlighting); 400/404 as bad input. */
    public ReportView view(String id, String q) {
        ReportIds.validate(id);
        Report report = search.report(id).orElseThrow(() -> notFound(id));
        String query = q == null ? "" : q.strip();
        List<SearchService.SectionView> views = search.reportSections(id, query);
        List<ReportView.Block> blocks = new ArrayList<>();
        List<ReportView.Hit> hits = new ArrayList<>();
        for (SearchService.SectionView view : views) {
            Section section = report.sections().get(view.ordinal());
            MarkedText.Marked marked = MarkedText.split(section.text(), view.html(), hits.size() + 1);
            for (MarkedText.Mark mark : marked.marks()) {
                String text = section.text();
                int from = Math.max(0, mark.start() - CONTEXT);
                int to = Math.min(text.length(), mark.end() + CONTEXT);
                hits.add(new ReportView.Hit(hits.size() + 1, view.ordinal(), view.kind(),
                        (from > 0 ? "…" : "") + flatten(text.substring(from, mark.start())),
                        flatten(text.substring(mark.start(), mark.end())),
                        flatten(text.substring(mark.end(), to)) + (to < text.length() ? "…" : "")));
            }
            blocks.add(new ReportView.Block(view.ordinal(), view.kind(), view.heading(), view.matched(), marked.paragraphs(),
                    marked.marks().size()));
        }
        return new ReportView(report, query, blocks, hits, sameTownship(report), sameDistrict(report));
    }

    public static BadInputException notFound(String id) {
        return new BadInputException("no-report", "找不到报告：" + id, 404);
    }

    /** Other years of the same township (or of the same issuer when the township is unknown), oldest first. */
    public List<ReportView.Related> sameTownship(Report report) {
        Region region = report.region();
        if (region.township() == null) {
            return List.of();
        }
        SearchRequest request = new SearchRequest("", null, List.of(String.join("/", ReportDocuments.regionPath(region))),
                null, null, SortOrder.DATE, 1, SearchRequest.MAX_SIZE, null);
        List<ReportView.Related> related = related(request, report);
        return related.stream().sorted((a, b) -> Integer.compare(a.year() == null ? 0 : a.year(), b.year() == null ? 0 : b.year())).toList();
    }

    /** Township reports of the same district, of the same year when the year is known; other townships only. */
    public List<ReportView.Related> sameDistrict(Report report) {
        Region region = report.region();
        if (region.district() == null) {
            return List.of();
        }
        List<String> path = new ArrayList<>(ReportDocuments.regionPath(new Region(region.province(), region.city(), region.district(), null, null)));
        SearchRequest request = new SearchRequest("", report.year() == null ? null : List.of(report.year()),
                List.of(String.join("/", path)), null, List.of(Level.TOWNSHIP), SortOrder.REGION, 1, SearchRequest.MAX_SIZE, null);
        return related(request, report).stream()
                .filter(r -> region.township() == null || !r.place().equals(ReportLabels.place(region)))
                .toList();
    }

    private List<ReportView.Related> related(SearchRequest request, Report self) {
        List<ReportView.Related> related = new ArrayList<>();
        try {
            search.forEachHit(request, MAX_RELATED + 1, hit -> {
                if (!hit.id().equals(self.id()) && related.size() < MAX_RELATED) {
                    related.add(new ReportView.Related(hit.id(), ReportLabels.title(hit.title(), hit.issuer()), hit.year(),
                            ReportLabels.place(hit.region())));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return related;
    }

    private static String flatten(String s) {
        return Objects.requireNonNull(s).replaceAll("[\\r\\n\\t]+", " ");
    }
}
