package fazhi.core.understand;

import fazhi.core.model.Report;
import java.util.List;

/**
 * The outcome of understanding one document: the reports it holds (a 范文 page can hold several), or why it is
 * not a 法治政府建设 report ({@code rejection} names the reason in a stable code such as {@code info-disclosure-report}).
 */
public record Understanding(List<Report> reports, Rejection rejection) {
    public Understanding {
        reports = List.copyOf(reports);
    }

    public static Understanding of(List<Report> reports) {
        return new Understanding(reports, null);
    }

    public static Understanding rejected(String code, String reason) {
        return new Understanding(List.of(), new Rejection(code, reason));
    }

    public boolean isReport() {
        return rejection == null && !reports.isEmpty();
    }

    /** Why a document is not a report: a stable code for counting and a human-readable reason. */
    public record Rejection(String code, String reason) {
    }
}
