package fazhi.crawler.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per RFC 9309 for every URL the crawl fetches, seeds and attachments included (crawler4j asks this
 * server for seeds, links and redirects; the crawler asks it for attachments): 2xx → the parsed rules for our
 * product token; 4xx → allow all; 5xx or unreachable → disallow all; up to five redirects of robots.txt followed.
 */
final class RobotsPolicy extends RobotstxtServer {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsPolicy.class);
    private final PageFetcher fetcher;
    private final WebURLFactory urls;
    private final String robotsName;
    private final int maxRedirects;
    private final Map<String, BaseRobotRules> rules = new ConcurrentHashMap<>();
    private final Set<String> excluded = ConcurrentHashMap.newKeySet();

    RobotsPolicy(PageFetcher fetcher, WebURLFactory urls, String robotsName, int maxRedirects) {
        super(enabled(robotsName), fetcher, urls);
        this.fetcher = fetcher;
        this.urls = urls;
        this.robotsName = robotsName;
        this.maxRedirects = maxRedirects;
    }

    private static RobotstxtConfig enabled(String name) {
        RobotstxtConfig config = new RobotstxtConfig();
        config.setEnabled(true);
        config.setSkipCheckForSeeds(false);
        config.setUserAgentName(name);
        return config;
    }

    @Override
    public boolean allows(WebURL url) {
        return allows(url.getURL());
    }

    @Override
    public boolean allows(WebURL url, boolean seed) {
        return allows(url.getURL());
    }

    /** True when robots.txt of the URL's host lets us fetch it; a refusal is remembered for the summary. */
    boolean allows(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) {
            return false;
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        BaseRobotRules hostRules = rules.computeIfAbsent(origin, this::fetchRules);
        boolean allowed = hostRules.isAllowed(url);
        if (!allowed && excluded.add(url)) {
            LOG.info("robots.txt excludes {}", url);
        }
        return allowed;
    }

    /** The Crawl-delay (ms) robots.txt asks of the URL's host if its rules are known already, else 0. */
    long crawlDelayMs(String url) {
        try {
            URI uri = URI.create(url);
            BaseRobotRules known = rules.get(uri.getScheme() + "://" + uri.getRawAuthority());
            return known == null || known.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0 : Math.max(0, known.getCrawlDelay());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    int exclusions() {
        return excluded.size();
    }

    @SuppressWarnings("try") // crawler4j's PageFetchResult.close() declares Exception; it only releases the connection
    private BaseRobotRules fetchRules(String origin) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String address = origin + "/robots.txt";
        for (int hop = 0; hop <= maxRedirects; hop++) {
            WebURL webUrl = urls.newWebUrl();
            webUrl.setURL(address);
            try (PageFetchResult result = fetcher.fetchPage(webUrl)) {
                int status = result.getStatusCode();
                if (status / 100 == 3 && result.getMovedToUrl() != null) {
                    address = result.getMovedToUrl();
                    result.discardContentIfNotConsumed();
                    continue;
                }
                if (status / 100 == 2) {
                    Page page = new Page(webUrl);
                    result.fetchContent(page, 512 * 1024);
                    String type = page.getContentType() == null ? "text/plain" : page.getContentType();
                    LOG.debug("robots.txt of {}: HTTP {}", origin, status);
                    return parser.parseContent(address, page.getContentData() == null ? new byte[0] : page.getContentData(), type, robotsName);
                }
                result.discardContentIfNotConsumed();
                if (status / 100 == 4) {
                    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                }
                LOG.warn("robots.txt of {} answered HTTP {}: the whole host is treated as disallowed (RFC 9309)", origin, status);
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            } catch (Exception e) {
                LOG.warn("robots.txt of {} unreachable ({}): the whole host is treated as disallowed (RFC 9309)", origin, e.toString());
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            }
        }
        LOG.warn("robots.txt of {} redirects more than {} times: the host is treated as disallowed", origin, maxRedirects);
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    }
}
