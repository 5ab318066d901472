package fazhi.crawler.crawl;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURL;
import fazhi.crawler.config.SitesFile;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-host politeness delay (issue 3 §5): each request reserves the host's next free slot, {@code delayMs} of its
 * site after the previous one, so concurrent crawler threads never bunch requests to one host. (The connection pool
 * allows one connection per host, so at most one request is in flight per host.)
 */
final class HostPoliteness implements PolitenessServer {
    private final SitesFile sites;
    private final int defaultDelayMs;
    private static final long MAX_CRAWL_DELAY_MS = 60_000;
    private final Map<String, Long> nextSlot = new HashMap<>();
    /** robots.txt Crawl-delay per host, in ms; set once the robots policy exists (it needs the fetcher that needs us). */
    private volatile java.util.function.ToLongFunction<String> crawlDelay = host -> 0;

    HostPoliteness(SitesFile sites) {
        this.sites = sites;
        this.defaultDelayMs = sites.settings().defaultDelayMs();
    }

    /** A host's robots.txt Crawl-delay lengthens its delay (never shortens the site's own), up to a minute. */
    void honourCrawlDelay(java.util.function.ToLongFunction<String> delayOfUrl) {
        this.crawlDelay = delayOfUrl;
    }

    @Override
    public long applyPoliteness(WebURL url) {
        String host = hostOf(url.getURL());
        long delay = sites.siteFor(url.getURL()).map(s -> (long) s.delayMs()).orElse((long) defaultDelayMs);
        delay = Math.max(delay, Math.min(MAX_CRAWL_DELAY_MS, crawlDelay.applyAsLong(url.getURL())));
        long now = System.currentTimeMillis();
        long slot;
        synchronized (nextSlot) {
            slot = Math.max(now, nextSlot.getOrDefault(host, 0L));
            nextSlot.put(host, slot + delay);
        }
        long wait = slot - now;
        return wait > 0 ? wait : NO_POLITENESS_APPLIED;
    }

    static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return (uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT)) + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return url; // unparsable: its own politeness bucket
        }
    }
}
