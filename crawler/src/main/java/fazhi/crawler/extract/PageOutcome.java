package fazhi.crawler.extract;

import fazhi.core.model.Report;
import fazhi.core.understand.Understanding;
import java.util.List;

/**
 * What became of one page or document: the reports it holds, or the rejection (code + reason) saying why not.
 * Page-level codes decided here ({@code list-page}, {@code truncated}, {@code unsupported-type}) are about crawling;
 * every other code comes from {@link fazhi.core.understand.ReportUnderstanding}.
 */
public record PageOutcome(List<Report> reports, Understanding.Rejection rejection, ExtractedPage page) {
    public PageOutcome {
        reports = List.copyOf(reports);
    }

    static PageOutcome of(Understanding understanding, ExtractedPage page) {
        if (understanding.isReport()) {
            return new PageOutcome(understanding.reports(), null, page);
        }
        Understanding.Rejection rejection = understanding.rejection() != null ? understanding.rejection()
                : new Understanding.Rejection("no-report", "没有找到报告 (no report found)");
        return new PageOutcome(List.of(), rejection, page);
    }

    static PageOutcome rejected(String code, String reason, ExtractedPage page) {
        return new PageOutcome(List.of(), new Understanding.Rejection(code, reason), page);
    }

    public boolean isReport() {
        return rejection == null && !reports.isEmpty();
    }
}
