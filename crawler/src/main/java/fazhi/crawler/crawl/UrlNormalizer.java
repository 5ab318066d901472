package fazhi.crawler.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one URL normaliser of a crawl (seeds, links, redirects): crawler-commons' normalisation (case, default ports,
 * dot segments, escapes, fragments) plus removal of session ids ({@code ;jsessionid=…} path parameters and
 * session query parameters) and tracking parameters, so one page has one address in the frontier.
 */
public final class UrlNormalizer extends BasicURLNormalizer {
    static final List<String> DROPPED_PARAMETERS = List.of(
            "jsessionid", "JSESSIONID", "phpsessid", "PHPSESSID", "sid", "sessionid", "session_id", "aspsessionid", "ASPSESSIONID",
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "spm", "from", "isappinstalled",
            "share_token", "fbclid", "gclid", "_t", "timestamp");
    private static final Pattern PATH_SESSION = Pattern.compile("(?i);(?:jsessionid|phpsessid|sid)=[^?#/]*");

    public UrlNormalizer() {
        super(BasicURLNormalizer.newBuilder().queryParamsToRemove(DROPPED_PARAMETERS));
    }

    @Override
    public String filter(String url) {
        if (url == null) {
            return null;
        }
        return super.filter(PATH_SESSION.matcher(url).replaceAll(""));
    }
}
