package fazhi.crawler.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-crawl account (issue 3 §7), in the spirit of Anserini's per-document outcome counts.
 *
 * @param fetched           pages and documents fetched with a 2xx answer in this run
 * @param reportsNew        new report records written
 * @param reportsNewUrl     known reports seen at another URL (their record gained the URL)
 * @param unchanged         pages whose bytes equal an earlier crawl's and were not extracted again
 * @param rejected          pages that are not reports, by reason code
 * @param errors            failed fetches by kind (http-404, http-500, timeout, io, too-many-redirects …)
 * @param robotsExclusions  distinct URLs robots.txt kept us from
 * @param capped            URLs not followed because of a per-host page cap or depth cap, by cap
 * @param finished          the frontier ran dry (false: stopped by --max-pages or interrupted; the next run resumes)
 */
public record CrawlSummary(
        long fetched,
        long reportsNew,
        long reportsNewUrl,
        long unchanged,
        Map<String, Long> rejected,
        Map<String, Long> errors,
        long robotsExclusions,
        Map<String, Long> capped,
        boolean finished,
        boolean resumed,
        Duration elapsed) {

    public CrawlSummary {
        rejected = Map.copyOf(rejected);
        errors = Map.copyOf(errors);
        capped = Map.copyOf(capped);
    }

    /** A few lines for the terminal. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("抓取完成 crawl %s in %.1f s%s%n", finished ? "finished" : "stopped (resume by running it again)",
                elapsed.toMillis() / 1000.0, resumed ? " (resumed)" : ""));
        out.append(String.format("  fetched: %d   reports written: %d new, %d seen at another URL   unchanged pages: %d%n",
                fetched, reportsNew, reportsNewUrl, unchanged));
        out.append("  rejected by reason: ").append(new TreeMap<>(rejected)).append('\n');
        out.append("  errors by kind: ").append(new TreeMap<>(errors)).append('\n');
        out.append("  robots.txt exclusions: ").append(robotsExclusions).append("   caps hit: ").append(new TreeMap<>(capped)).append('\n');
        return out.toString();
    }
}
