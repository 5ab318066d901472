package fazhi.indexer.view;

import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import java.util.List;

/**
 * Everything the report page shows: the record, its sections as paragraphs with the query's hits marked and
 * numbered, a jump list of the hits, and related reports (the same township in other years, peers in the district).
 */
public record ReportView(Report report, String query, List<Block> sections, List<Hit> hits, List<Related> sameTownship,
                         List<Related> sameDistrict) {
    public ReportView {
        sections = List.copyOf(sections);
        hits = List.copyOf(hits);
        sameTownship = List.copyOf(sameTownship);
        sameDistrict = List.copyOf(sameDistrict);
    }

    /** One section: {@code paragraphs} are HTML (escaped text, marks with ids hit-N). */
    public record Block(int ordinal, SectionKind kind, String heading, boolean matched, List<String> paragraphs, int hitCount) {
        public Block {
            paragraphs = List.copyOf(paragraphs);
        }

        public String anchor() {
            return "sec-" + ordinal;
        }
    }

    /** One marked hit, for the jump list: plain text around the match, with … where it was cut (the page escapes it). */
    public record Hit(int number, int ordinal, SectionKind kind, String before, String match, String after) {
        public String anchor() {
            return "hit-" + number;
        }
    }

    /** A related report, as a link. */
    public record Related(String id, String title, Integer year, String place) {
    }

    public String title() {
        return ReportLabels.title(report.title(), report.issuer());
    }

    public String place() {
        return ReportLabels.place(report.region());
    }
}
