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
}
