package fazhi.indexer.compare;

import fazhi.core.BadInputException;
import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import fazhi.indexer.search.Comparison;
import fazhi.indexer.search.SearchService;
import fazhi.indexer.view.ReportIds;
import fazhi.indexer.view.ReportLabels;
import fazhi.indexer.view.ReportView;
import fazhi.indexer.view.ReportViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the compare views add to {@link SearchService#compare}: peer groups that pick the columns in one click, and
 * the rows worth showing. HTML, JSON and CSV all render the same {@link Comparison}.
 */
public final class CompareService {
    /** Rows always shown (the parts the 2019 regulation requires); 前言 and 其他 only when something matched there. */
    private static final Set<SectionKind> ALWAYS = Set.of(SectionKind.MEASURES, SectionKind.PROBLEMS, SectionKind.LEADERSHIP, SectionKind.PLANS);

    private final SearchService search;
    private final ReportViews views;

    public CompareService(SearchService search) {
        this.search = search;
        this.views = new ReportViews(search);
    }

    public Comparison compare(CompareRequest request) {
        return search.compare(request.q(), request.ids());
    }

    /** The rows a reader needs: the four required parts always (empty cells say 未提及), the others when mentioned. */
    public static List<Comparison.Row> shownRows(Comparison comparison) {
        return comparison.rows().stream()
                .filter(r -> ALWAYS.contains(r.kind()) || r.cells().stream().anyMatch(Comparison.Cell::mentioned))
                .toList();
    }

    /** How many passages of the column at {@code index} mention the measure. */
    public static int mentions(Comparison comparison, int index) {
        return comparison.rows().stream().mapToInt(r -> r.cells().get(index).passages().size()).sum();
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
