package fazhi.crawler.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fazhi.core.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sites file (YAML, design.md): {@code sites:} with name, region, seeds, allow, delayMs, maxPages, maxDepth, and
 * optional top-level settings ({@code contact}, {@code maxPageBytes}, {@code readTimeoutMs}, {@code threads} …)
 * that override {@link CrawlSettings#defaults()}. Mistakes are bad input naming the site and the field.
 */
public record SitesFile(CrawlSettings settings, List<SiteConfig> sites) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    record RawFile(String contact, Integer maxPageBytes, Integer connectTimeoutMs, Integer readTimeoutMs,
                   Integer maxRedirects, Integer threads, List<RawSite> sites) {
    }

    record RawSite(String name, String region, List<String> seeds, List<String> allow, Integer delayMs, Integer maxPages, Integer maxDepth) {
    }

    public static SitesFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no-sites-file", "sites file not found: " + file);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RawFile raw;
        try {
            raw = yaml.readValue(file.toFile(), RawFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException("bad-sites-file", file + ": unknown field '" + e.getPropertyName() + "' (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new BadInputException("bad-sites-file", file + ": not a valid sites file: " + e.getMessage());
        }
        if (raw == null || raw.sites() == null || raw.sites().isEmpty()) {
            throw new BadInputException("bad-sites-file", file + ": no sites (expected a 'sites:' list)");
        }
        CrawlSettings d = CrawlSettings.defaults();
        CrawlSettings settings = new CrawlSettings(
                raw.contact() != null ? raw.contact() : d.contactUrl(),
                positive(raw.maxPageBytes(), d.maxPageBytes(), "maxPageBytes"),
                positive(raw.connectTimeoutMs(), d.connectTimeoutMs(), "connectTimeoutMs"),
                positive(raw.readTimeoutMs(), d.readTimeoutMs(), "readTimeoutMs"),
                Math.min(5, raw.maxRedirects() != null ? raw.maxRedirects() : d.maxRedirects()),
                positive(raw.threads(), d.threads(), "threads"),
                d.defaultDelayMs(), d.defaultMaxPages(), d.defaultMaxDepth(), d.progress());
        List<SiteConfig> sites = new ArrayList<>();
        for (int i = 0; i < raw.sites().size(); i++) {
            RawSite s = raw.sites().get(i);
            String label = s.name() != null ? s.name() : "site #" + (i + 1);
            if (s.seeds() == null || s.seeds().isEmpty()) {
                throw new BadInputException("bad-sites-file", file + ": " + label + " has no seeds");
            }
            for (String seed : s.seeds()) {
                checkUrl(file, label, seed);
            }
            if (s.allow() != null) {
                s.allow().forEach(prefix -> checkUrl(file, label, prefix));
            }
            sites.add(new SiteConfig(label, s.region(), s.seeds(), s.allow(),
                    s.delayMs() != null ? Math.max(0, s.delayMs()) : d.defaultDelayMs(),
                    positive(s.maxPages(), d.defaultMaxPages(), label + ".maxPages"),
                    positive(s.maxDepth(), d.defaultMaxDepth(), label + ".maxDepth")));
        }
        return new SitesFile(settings, List.copyOf(sites));
    }

    private static int positive(Integer value, int fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new BadInputException("bad-sites-file", field + " must be positive, got " + value);
        }
        return value;
    }

    private static void checkUrl(Path file, String site, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadInputException("bad-sites-file", file + ": " + site + ": not an http(s) URL: " + url);
            }
        } catch (java.net.URISyntaxException e) {
            throw new BadInputException("bad-sites-file", file + ": " + site + ": malformed URL: " + url);
        }
    }

    /** The site whose allow prefixes cover the URL, first match in file order. */
    public java.util.Optional<SiteConfig> siteFor(String url) {
        return sites.stream().filter(s -> s.allows(url)).findFirst();
    }
}
