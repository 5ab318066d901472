package fazhi.indexer.compare;

import fazhi.core.BadInputException;
import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.view.Figures;
import fazhi.indexer.view.MarkedText;
import fazhi.indexer.view.ReportIds;
import fazhi.indexer.view.ReportLabels;
import fazhi.indexer.view.ReportView;
import fazhi.indexer.view.ReportViews;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes comparison grids and peer groups over the search service (the one computation behind HTML, JSON, CSV). */
public final class CompareService {
    /** Rows always shown (the parts the 2019 regulation requires); 前言 and 其他 only when something matched there. */
    private static final Set<SectionKind> ALWAYS = Set.of(SectionKind.MEASURES, SectionKind.PROBLEMS, SectionKind.LEADERSHIP, SectionKind.PLANS);

    private final SearchService search;
    private final ReportViews views;

    public CompareService(SearchService search) {
        this.search = search;
        this.views = new ReportViews(search);
    }

    public CompareGrid compare(CompareRequest request) {
        if (request.q().isEmpty()) {
            throw new BadInputException("no-measure", "请输入要对比的指标（检索词），例如：法律顾问");
        }
        if (request.ids().isEmpty()) {
            throw new BadInputException("no-reports", "请至少选择一份报告进行对比");
        }
        List<CompareGrid.Column> columns = new ArrayList<>();
        List<Map<SectionKind, List<CompareGrid.Passage>>> byColumn = new ArrayList<>();
        for (String id : request.ids()) {
            Report report = search.report(id).orElseThrow(() -> ReportViews.notFound(id));
            Map<SectionKind, List<CompareGrid.Passage>> cells = new EnumMap<>(SectionKind.class);
            int mentions = 0;
            for (SearchService.SectionView view : search.reportSections(id, request.q())) {
                if (!view.matched()) {
                    continue;
                }
                MarkedText.Marked marked = MarkedText.split(report.sections().get(view.ordinal()).text(), view.html(), -1);
                List<String> html = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (int k : marked.markedParagraphs()) {
                    html.add(Figures.emphasise(marked.paragraphs().get(k)));
                    texts.add(marked.texts().get(k));
                }
                mentions += Math.max(1, marked.marks().size());
                cells.computeIfAbsent(view.kind(), k -> new ArrayList<>()).add(new CompareGrid.Passage(view.heading(), html, texts));
            }
            byColumn.add(cells);
            columns.add(new CompareGrid.Column(report.id(), ReportLabels.column(report.region(), report.issuer(), report.title(), report.year()),
                    ReportLabels.title(report.title(), report.issuer()), report.issuer(), report.level(), report.year(), report.region(),
                    report.url(), mentions));
        }
        List<CompareGrid.Row> rows = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            List<CompareGrid.Cell> cells = byColumn.stream().map(c -> new CompareGrid.Cell(c.getOrDefault(kind, List.of()))).toList();
            if (ALWAYS.contains(kind) || cells.stream().anyMatch(CompareGrid.Cell::mentioned)) {
                rows.add(new CompareGrid.Row(kind, kind.label(), cells));
            }
        }
        return new CompareGrid(request.q(), columns, rows);
    }

    /** The report ids of a peer group around {@code ofId}, the report itself included, in a sensible column order. */
    public List<String> peers(PeerGroup group, String ofId) {
        ReportIds.validate(ofId);
        Report report = search.report(ofId).orElseThrow(() -> ReportViews.notFound(ofId));
        List<ReportView.Related> related = switch (group) {
            case TOWNSHIP -> {
                if (report.region().township() == null) {
                    throw new BadInputException("no-township", "这份报告的镇街未知，无法列出同一镇街历年的报告");
                }
                yield views.sameTownship(report);
            }
            case DISTRICT -> {
                if (report.region().district() == null) {
                    throw new BadInputException("no-district", "这份报告的区县未知，无法列出同区县的镇街报告");
                }
                yield views.sameDistrict(report);
            }
        };
        List<ReportView.Related> all = new ArrayList<>(related);
        all.add(new ReportView.Related(report.id(), report.title(), report.year(), ReportLabels.place(report.region())));
        if (group == PeerGroup.TOWNSHIP) {
            all.sort((a, b) -> Integer.compare(a.year() == null ? 0 : a.year(), b.year() == null ? 0 : b.year()));
        } else {
            all.sort((a, b) -> a.id().equals(ofId) ? -1 : b.id().equals(ofId) ? 1 : a.place().compareTo(b.place()));
        }
        return all.stream().map(ReportView.Related::id).limit(CompareRequest.MAX_COLUMNS).toList();
    }
}
