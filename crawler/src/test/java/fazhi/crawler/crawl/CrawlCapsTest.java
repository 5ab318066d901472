package fazhi.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.crawler.config.SitesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traps end at the per-host page cap; --max-pages stops a crawl that the next run resumes. */
class CrawlCapsTest {
    static FixtureWeb web;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startWeb() {
        web = new FixtureWeb().start();
    }

    @AfterAll
    static void stopWeb() {
        web.close();
    }

    private Path sites(String name, int maxPages, int maxDepth, String seedPath) throws Exception {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, """
                readTimeoutMs: 1000
                threads: 2
                sites:
                  - name: 日历陷阱
                    seeds: ["%s%s"]
                    delayMs: 5
                    maxPages: %d
                    maxDepth: %d
                """.formatted(web.a.base(), seedPath, maxPages, maxDepth));
        return file;
    }

    @Test
    void anEndlessCalendarEndsAtTheHostPageCap() throws Exception {
        web.clearRequests();
        CrawlSummary summary = new CrawlRun(dir.resolve("calendar"), SitesFile.read(sites("calendar", 7, 1000, "/calendar/2022-01.html")), null)
                .run(CrawlRun.Progress.NONE);
        assertThat(web.a.requestedUnder("/calendar/")).hasSize(7);
        assertThat(summary.capped()).containsKey("host-pages");
        assertThat(summary.finished()).isTrue();
    }

    @Test
    void maxPagesStopsAndTheNextRunResumes() throws Exception {
        web.clearRequests();
        Path data = dir.resolve("limited");
        SitesFile sites = SitesFile.read(sites("limited", 12, 1000, "/calendar/2030-01.html"));
        CrawlSummary first = new CrawlRun(data, sites, 4).run(CrawlRun.Progress.NONE);
        assertThat(first.finished()).isFalse();
        assertThat(web.a.requestedUnder("/calendar/")).hasSize(4);
        CrawlSummary second = new CrawlRun(data, sites, null).run(CrawlRun.Progress.NONE);
        assertThat(second.resumed()).isTrue();
        assertThat(second.finished()).isTrue();
        // Twelve calendar pages in all, none fetched twice.
        assertThat(web.a.requestedUnder("/calendar/")).hasSize(12).doesNotHaveDuplicates();
    }
}
