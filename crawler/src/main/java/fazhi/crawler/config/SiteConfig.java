package fazhi.crawler.config;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One site of the sites file (design.md, "Sites file"): where to start, which URL prefixes may be followed, and its
 * manners. {@code allow} defaults to the seeds' hosts.
 */
public record SiteConfig(String name, String region, List<String> seeds, List<String> allow, int delayMs, int maxPages, int maxDepth) {

    public SiteConfig {
        seeds = List.copyOf(seeds);
        allow = allow == null || allow.isEmpty() ? seedHosts(seeds) : List.copyOf(allow);
    }

    private static List<String> seedHosts(List<String> seeds) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String seed : seeds) {
            URI uri = URI.create(seed);
            hosts.add(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
        }
        return List.copyOf(hosts);
    }

    /** True when the URL starts with one of the allowed prefixes (scheme and host compared case-insensitively). */
    public boolean allows(String url) {
        String lower = lowerHost(url);
        for (String prefix : allow) {
            if (lower.startsWith(lowerHost(prefix))) {
                return true;
            }
        }
        return false;
    }

    private static String lowerHost(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url.toLowerCase(Locale.ROOT) : url.substring(0, slash).toLowerCase(Locale.ROOT) + url.substring(slash);
    }
}
