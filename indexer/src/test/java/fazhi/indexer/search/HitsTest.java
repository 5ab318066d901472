package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Report;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hits are built from the stored summary (no report text), and show exactly the record's report fields. */
class HitsTest {
    @Test
    void everyHitShowsTheRecordsFieldsAndReportReturnsTheWholeRecord(@TempDir Path dir) throws IOException {
        List<Report> reports = TestCorpora.sample();
        Map<String, Report> byId = reports.stream().collect(Collectors.toMap(Report::id, Function.identity()));
        try (SearchService service = TestCorpora.indexAndOpen(dir, reports)) {
            SearchResult all = service.search(SearchRequest.builder().size(100).build());
            assertThat(all.hits()).hasSize(reports.size());
            for (ReportHit hit : all.hits()) {
                Report r = byId.get(hit.id());
                assertThat(new ReportHit(r.id(), r.title(), r.issuer(), r.level(), r.year(), r.published(), r.region(), r.url(),
                        hit.score(), hit.matches())).isEqualTo(hit);
                assertThat(service.report(hit.id())).contains(r);
            }
        }
    }

    @Test
    void theWholeRecordIsRebuiltFromSummaryAndSectionDocumentsAfterUpdates(@TempDir Path dir) throws IOException {
        // Generated reports: 1-3 sections of every kind, preambles without a heading, traditional and full-width text.
        List<Report> reports = new java.util.ArrayList<>(TestCorpora.generated(40, 11));
        reports.add(TestCorpora.report("empty", 2021, null, fazhi.core.model.Level.UNKNOWN, null)); // no sections at all
        try (SearchService service = TestCorpora.indexAndOpen(dir, reports)) {
            for (Report r : reports) {
                assertThat(service.report(r.id())).as(r.id()).contains(r);
            }
            // Change some records (their blocks are replaced, the old ones deleted but still in the segments).
            List<Report> changed = reports.stream().map(r -> r.id().endsWith("3") ? new Report(r.id(), r.url(), r.urls(),
                    "改过的 " + r.title(), r.issuer(), r.level(), r.year(), r.published(), r.region(), r.site(),
                    r.sections().reversed(), r.attachments(), r.contentHash()) : r).toList();
            new fazhi.core.corpus.CorpusStore(dir).rewrite("test", changed);
            new fazhi.indexer.index.Indexer(dir).index(false, fazhi.indexer.index.IndexProgress.NONE);
            service.refresh();
            for (Report r : changed) {
                assertThat(service.report(r.id())).as(r.id()).contains(r);
            }
        }
    }
}
