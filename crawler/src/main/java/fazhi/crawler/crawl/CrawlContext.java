package fazhi.crawler.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import fazhi.crawler.config.SitesFile;
import fazhi.crawler.dedup.ReportDeduplicator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What every crawler thread of one run shares, injected through the crawler factory (no global state). */
record CrawlContext(
        SitesFile sites,
        int run,
        Integer maxPages,
        ReportDeduplicator corpus,
        PageLedger ledger,
        CrawlStats stats,
        RobotsPolicy robots,
        PageFetcher fetcher,
        WebURLFactory urls,
        BasicURLNormalizer normalizer,
        Map<String, AtomicLong> scheduledPerHost,
        Map<String, Integer> redirectHops,
        AtomicLong taken) {

    CrawlContext {
        scheduledPerHost = scheduledPerHost == null ? new ConcurrentHashMap<>() : scheduledPerHost;
        redirectHops = redirectHops == null ? new ConcurrentHashMap<>() : redirectHops;
        taken = taken == null ? new AtomicLong() : taken;
    }
}
