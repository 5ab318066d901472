package fazhi.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.crawler.config.SitesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a crawl running in a child JVM (SIGKILL, no chance to clean up), starts it again, and compares the corpus with
 * an uninterrupted crawl of the same web: the same reports with the same URLs, and no page done before the kill
 * fetched again.
 */
class CrawlResumeTest {
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

    @Test
    void killedCrawlResumesToTheSameCorpusWithoutRefetching() throws Exception {
        Path killed = dir.resolve("killed");
        // Slow manners so that the child is surely mid-crawl when killed; the reference crawl runs fast.
        Path sites = web.writeSites(Files.createDirectories(dir.resolve("slow")), 100);
        Path fastSites = web.writeSites(Files.createDirectories(dir.resolve("fast")), 10);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrawlProcessMain.class.getName(), killed.toString(), sites.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path ledger = killed.resolve("crawl").resolve("pages.jsonl");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines(ledger) < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive()).as("the crawl must still be running when killed; log: %s", Files.readString(dir.resolve("child.log"))).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

        // Done = handled with a lasting outcome; a timeout or a reset connection is tried again on resume.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> doneBeforeKill = new java.util.HashSet<>();
        for (String line : Files.readAllLines(ledger)) {
            try {
                var entry = json.readTree(line);
                if (!PageLedger.TRANSIENT.contains(entry.get("outcome").asText())) {
                    doneBeforeKill.add(entry.get("url").asText());
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException torn) {
                // the line being written when the process was killed: not done
            }
        }
        web.clearRequests();
        CrawlSummary resumed = new CrawlRun(killed, SitesFile.read(fastSites), null).run(CrawlRun.Progress.NONE);
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.finished()).isTrue();
        List<String> refetched = web.requestedUrls().stream().filter(doneBeforeKill::contains).toList();
        assertThat(refetched).isEmpty();

        Path uninterrupted = dir.resolve("uninterrupted");
        new CrawlRun(uninterrupted, SitesFile.read(fastSites), null).run(CrawlRun.Progress.NONE);
        assertThat(corpusOf(killed)).isEqualTo(corpusOf(uninterrupted)).isNotEmpty();
    }

    @Test
    void urlsGivenAnIdButNotYetScheduledAtAKillAreNotLost() throws Exception {
        // crawler4j commits a new URL's id before it commits its scheduling; a kill in between leaves a row with no
        // status. Simulate that for everything queued after a --max-pages stop, then resume.
        Path data = dir.resolve("window");
        Path sites = web.writeSites(Files.createDirectories(dir.resolve("window-conf")), 10);
        assertThat(new CrawlRun(data, SitesFile.read(sites), 6).run(CrawlRun.Progress.NONE).finished()).isFalse();
        String jdbc = "jdbc:hsqldb:file:" + data.resolve("crawl").resolve("frontier") + "/frontier;sql.syntax_pgs=true";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbc, "sa", ""); java.sql.Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE weburl SET status = NULL, cdepth = NULL, parentid = NULL, priority = NULL WHERE status <> 'COMPLETED'"))
                    .isPositive();
            s.execute("SHUTDOWN");
        }
        web.clearRequests();
        CrawlSummary resumed = new CrawlRun(data, SitesFile.read(sites), null).run(CrawlRun.Progress.NONE);
        assertThat(resumed.finished()).isTrue();
        assertThat(web.e.requests).allMatch("/robots.txt"::equals); // its seed has an id too, and robots.txt still says no
        assertThat(web.a.requests).noneMatch(r -> r.startsWith("/private/"));

        Path uninterrupted = dir.resolve("reference");
        new CrawlRun(uninterrupted, SitesFile.read(sites), null).run(CrawlRun.Progress.NONE);
        assertThat(corpusOf(data)).isEqualTo(corpusOf(uninterrupted));
    }

    /** The corpus as what a reader sees: each report's title, year, date, issuer, sections count and every URL. */
    static Set<String> corpusOf(Path data) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Report r : new CorpusStore(data).readAll()) {
            out.add(r.title() + " | " + r.year() + " | " + r.published() + " | " + r.issuer() + " | " + new TreeSet<>(r.urls()));
        }
        return out;
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var stream = Files.lines(file)) {
            return stream.filter(l -> l.startsWith("{")).count();
        }
    }
}
