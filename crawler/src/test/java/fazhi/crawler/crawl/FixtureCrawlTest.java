package fazhi.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.crawler.config.SitesFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A whole crawl of the fixture web (five real HTTP servers on 127.0.0.1), then a second, incremental crawl. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureCrawlTest {
    static FixtureWeb web;
    static CrawlSummary summary;
    static Duration elapsed;
    static List<Report> reports;
    static Map<String, List<String>> requests;

    static final Set<String> REPORTS = Set.of(
            "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告",
            "大石街道办事处2023年法治政府建设年度报告",
            "重庆市荣昌区人民政府双河街道办事处关于开展法治政府建设情况的报告",
            "城口县庙坝镇人民政府2020年法治政府建设工作情况报告");
    /** Articles that look like reports and are not (domain.md §1); rejecting them is ReportUnderstanding's job. */
    static final Set<String> LOOK_ALIKES = Set.of(
            "重庆市渝北区人民政府2021年政府信息公开工作年度报告",
            "重庆市渝北区2022年法治政府建设工作要点",
            "《2023年法治政府建设工作方案》政策解读",
            "大石街道开展宪法宣传周法治宣传活动");

    @TempDir
    static Path data;

    @BeforeAll
    static void crawl() throws Exception {
        web = new FixtureWeb().start();
        SitesFile sites = SitesFile.read(web.writeSites(data, 10));
        long start = System.nanoTime();
        summary = new CrawlRun(data, sites, null).run(CrawlRun.Progress.NONE);
        elapsed = Duration.ofNanos(System.nanoTime() - start);
        reports = new CorpusStore(data).readAll();
        requests = web.requestLog();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static Report reportTitled(String title) {
        return reports.stream().filter(r -> title.equals(r.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no report titled " + title + " among " + reports.stream().map(Report::title).toList()));
    }

    @Test
    @Order(1)
    void findsEveryReportAndNoCrawlNoise() {
        // Lists, calendars, error pages, the cut page and robots-excluded reports never become records.
        assertThat(reports).extracting(Report::title).containsAll(REPORTS);
        assertThat(reports).extracting(Report::title).allMatch(t -> REPORTS.contains(t) || LOOK_ALIKES.contains(t));
        assertThat(summary.finished()).isTrue();
        assertThat(summary.reportsNew()).isEqualTo(reports.size());
    }

    @Test
    @Order(1)
    void findsEveryReportAndNothingElse() {
        assertThat(reports).extracting(Report::title).containsExactlyInAnyOrderElementsOf(REPORTS);
    }

    @Test
    @Order(1)
    void tongjingIsOneRecordSeenAtThreePlaces() {
        Report r = reportTitled("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(r.issuer()).isEqualTo("重庆市渝北区统景镇人民政府");
        assertThat(r.urls()).containsExactlyInAnyOrder(
                web.a.base() + "/zwgk_70755/fznb/202201/t20220110_1001.html",
                web.a.base() + "/jz/tjz/zwgk/fzzfjsndbg/202201/t20220110_2001.html",
                web.d.base() + "/mirror/tongjing.html");
        assertThat(r.bodyText()).contains("民情茶室").doesNotContain("分享到").doesNotContain("网站标识码");
    }

    @Test
    @Order(1)
    void dashiFromTheGbkSiteAndTheGuangdongSiteIsOneRecord() {
        Report r = reportTitled("大石街道办事处2023年法治政府建设年度报告");
        assertThat(r.year()).isEqualTo(2023);
        assertThat(r.published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(r.issuer()).isEqualTo("大石街道办事处");
        assertThat(r.urls()).containsExactlyInAnyOrder(
                web.b.base() + "/art/2024/2/20/art_1229_5001.html",
                web.c.base() + "/gkmlpt/content/1/1001/post_1001.html");
        // GB2312 declared, GB18030 decoded: 喆 survives, and nothing valid became U+FFFD.
        assertThat(r.bodyText()).contains("刘喆").doesNotContain("\uFFFD");
    }

    @Test
    @Order(1)
    void reportPublishedOnlyAsPdfAttachment() {
        Report r = reportTitled("重庆市荣昌区人民政府双河街道办事处关于开展法治政府建设情况的报告");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.published()).isEqualTo(LocalDate.of(2020, 9, 18));
        assertThat(r.issuer()).isEqualTo("重庆市荣昌区人民政府双河街道办事处");
        assertThat(r.urls()).containsExactly(web.a.base() + "/zwgk_70755/fznb/202009/t20200918_1004.html");
        assertThat(r.attachments()).singleElement().satisfies(a -> assertThat(a.url()).endsWith("W020200918_1004.pdf"));
        assertThat(r.bodyText()).contains("双河街道严格落实第一责任人职责");
        assertThat(r.site().idCode()).isEqualTo("5001120001");
    }

    @Test
    @Order(1)
    void reportPublishedOnlyAsDocxAttachment() {
        Report r = reportTitled("城口县庙坝镇人民政府2020年法治政府建设工作情况报告");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.published()).isEqualTo(LocalDate.of(2021, 7, 5));
        assertThat(r.issuer()).isEqualTo("城口县庙坝镇人民政府");
        assertThat(r.urls()).containsExactly(web.c.base() + "/gkmlpt/content/1/1003/post_1003.html");
        assertThat(r.bodyText()).contains("庙坝镇深入推进法治政府建设");
    }

    @Test
    @Order(1)
    void lookAlikesAndListsAreRejectedWithReasons() {
        assertThat(summary.rejected()).containsKey("list-page");
        assertThat(summary.rejected()).containsEntry("truncated", 1L);
        long rejected = summary.rejected().values().stream().mapToLong(Long::longValue).sum();
        assertThat(rejected).isGreaterThanOrEqualTo(8); // 4 look-alikes + lists + calendar pages + the cut page
    }

    @Test
    @Order(1)
    void robotsTxtIsObeyedIncludingSeedsAndA503() {
        assertThat(requests.get("A")).noneMatch(r -> r.startsWith("/private/"));
        assertThat(requests.get("E")).isNotEmpty().allMatch("/robots.txt"::equals); // HttpClient retries a 503 once
        assertThat(summary.robotsExclusions()).isGreaterThanOrEqualTo(3); // /private/index.html, its report, E's seed
    }

    @Test
    @Order(1)
    void trapsEndAndErrorsAreCountedByKind() {
        List<String> a = requests.get("A");
        assertThat(a.stream().filter(r -> r.startsWith("/calendar/")).count()).isBetween(1L, 5L);
        assertThat(a.stream().filter(r -> r.equals("/loop/a.html")).count()).isEqualTo(1);
        assertThat(a.stream().filter(r -> r.equals("/loop/b.html")).count()).isEqualTo(1);
        assertThat(a.stream().filter(r -> r.startsWith("/chain/"))).containsExactly("/chain/1.html", "/chain/2.html", "/chain/3.html",
                "/chain/4.html", "/chain/5.html", "/chain/6.html");
        assertThat(summary.errors()).containsEntry("http-404", summary.errors().get("http-404"))
                .containsKey("http-500").containsEntry("timeout", 1L).containsEntry("too-many-redirects", 1L);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    @Order(1)
    void onePageOneAddressAndOneFetch() {
        Map<String, List<String>> log = requests;
        assertThat(log.values().stream().flatMap(List::stream)).noneMatch(r -> r.contains("utm_source") || r.contains("spm="));
        for (List<String> requests : log.values()) {
            // The slow page may be retried after its timeout; E's robots.txt 503 is retried once by HttpClient.
            Set<String> repeated = requests.stream().filter(r -> !r.equals("/slow.html") && !r.equals("/robots.txt"))
                    .collect(Collectors.groupingBy(r -> r, Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(repeated).isEmpty();
        }
    }

    @Test
    @Order(1)
    void oneRequestInFlightPerHost() {
        assertThat(web.a.maxInFlight.get()).isEqualTo(1);
        assertThat(web.c.maxInFlight.get()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void everyRequestNamesTheProjectAndTheContactAddress() {
        assertThat(web.userAgents()).containsExactly("fazhi-crawler/0.1 (+https://example.org/fazhi-crawler-tests; Fazhi Report Portal research crawler)");
    }

    @Test
    @Order(2)
    void secondCrawlIsIncremental() throws Exception {
        SitesFile sites = SitesFile.read(data.resolve("sites.yml"));
        long linesBefore = java.nio.file.Files.readAllLines(data.resolve("corpus").resolve("crawl.jsonl")).size();
        CrawlSummary again = new CrawlRun(data, sites, null).run(CrawlRun.Progress.NONE);
        assertThat(again.reportsNew()).isZero();
        assertThat(again.reportsNewUrl()).isZero();
        assertThat(again.unchanged()).isGreaterThanOrEqualTo(10);
        // Nothing rewritten, not even the township page whose visit counter changed its bytes.
        assertThat(java.nio.file.Files.readAllLines(data.resolve("corpus").resolve("crawl.jsonl"))).hasSize((int) linesBefore);
        assertThat(new CorpusStore(data).readAll()).hasSize(reports.size());

        // A changed page replaces its record (same id, new text); everything else stays as it was.
        String id = reportTitled("城口县庙坝镇人民政府2020年法治政府建设工作情况报告").id();
        web.miaobaRevised = true;
        CrawlSummary third = new CrawlRun(data, sites, null).run(CrawlRun.Progress.NONE);
        assertThat(third.reportsNew()).isEqualTo(1);
        List<Report> now = new CorpusStore(data).readAll();
        assertThat(now).hasSize(reports.size());
        assertThat(now.stream().filter(r -> r.bodyText().contains("附件已替换为最终稿")).toList()).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(id));
    }
}
