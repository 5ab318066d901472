package fazhi.crawler.config;

/**
 * How the crawler behaves on the network (issue 3 §5). The sites file may override any of these at its top level;
 * the User-Agent always names the project and the contact address so that site operators can reach us.
 *
 * @param contactUrl        where site operators learn about the crawler and reach its operators
 * @param maxPageBytes      size cap for pages and attachments: a longer page is cut and flagged, never indexed as complete
 * @param maxRedirects      longest redirect chain followed
 * @param threads           crawler threads; requests to one host stay one at a time whatever this is
 */
public record CrawlSettings(
        String contactUrl,
        int maxPageBytes,
        int connectTimeoutMs,
        int readTimeoutMs,
        int maxRedirects,
        int threads,
        int defaultDelayMs,
        int defaultMaxPages,
        int defaultMaxDepth,
        boolean progress) {

    public static final String DEFAULT_CONTACT = "https://github.com/fazhi-portal/fazhi-portal#crawler";

    public static CrawlSettings defaults() {
        return new CrawlSettings(DEFAULT_CONTACT, 10 * 1024 * 1024, 15_000, 30_000, 5, 4, 1000, 5000, 6, true);
    }

    public CrawlSettings withProgress(boolean show) {
        return new CrawlSettings(contactUrl, maxPageBytes, connectTimeoutMs, readTimeoutMs, maxRedirects, threads,
                defaultDelayMs, defaultMaxPages, defaultMaxDepth, show);
    }

    /** {@code fazhi-crawler/0.1 (+CONTACT; Fazhi Report Portal research crawler)}: the project and how to reach it. */
    public String userAgent() {
        // Header values must be ASCII: the project is named in pinyin/English here.
        return "fazhi-crawler/0.1 (+" + contactUrl + "; Fazhi Report Portal research crawler)";
    }

    /** The robots.txt product token this crawler obeys (rules for * apply as well). */
    public String robotsName() {
        return "fazhi-crawler";
    }
}
