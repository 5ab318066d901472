package fazhi.crawler.extract;

import fazhi.core.BadInputException;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.config.CrawlSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./portal extract FILE|URL [--url ORIGINAL]}: one saved page, document or address → its {@link PageOutcome},
 * through the same {@link ReportExtraction} the crawler uses. A user-requested single fetch is not crawling, so no
 * robots.txt; it still names itself with the crawler's User-Agent.
 */
public final class SingleExtraction {
    private static final Logger LOG = LoggerFactory.getLogger(SingleExtraction.class);
    private final ReportExtraction extraction;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final String userAgent = CrawlSettings.defaults().userAgent();

    public SingleExtraction(ReportUnderstanding understanding) {
        this.extraction = new ReportExtraction(understanding);
    }

    public PageOutcome extract(String target, String originalUrl) throws IOException, InterruptedException {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            HttpResponse<byte[]> response;
            try {
                response = get(target);
            } catch (IOException | IllegalArgumentException e) {
                throw new BadInputException("fetch-failed", "cannot fetch " + target + ": " + e.getMessage());
            }
            if (response.statusCode() / 100 != 2) {
                throw new BadInputException("fetch-failed", "HTTP " + response.statusCode() + " for " + target);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String url = originalUrl != null ? originalUrl : response.uri().toString();
            if (PageExtractor.isAttachmentUrl(url) || contentType.matches("(?i).*(pdf|msword|officedocument|wps).*")) {
                return document(response.body(), url, url);
            }
            return extraction.fromHtml(extraction.read(response.body(), contentType, url), null, this::fetchAttachment);
        }
        Path file = Path.of(target);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no-such-file", "no such file: " + target);
        }
        String url = originalUrl != null ? originalUrl : file.toAbsolutePath().normalize().toUri().toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".shtml")) {
            return extraction.fromHtml(extraction.read(bytes, null, url), null, ReportExtraction.AttachmentFetcher.NONE);
        }
        if (name.matches(".*\\.(pdf|docx?|wps)$")) {
            return document(bytes, name, url);
        }
        if (name.endsWith(".txt")) {
            return extraction.fromText(PageDecoding.decode(bytes, null).text(), url);
        }
        throw new BadInputException("unsupported-file", "unsupported file type (expected .html .htm .txt .pdf .doc .docx .wps): " + target);
    }

    /** A PDF/DOC/DOCX/WPS the user named: one that Tika cannot read is bad input (exit 2, one line), not a crash. */
    private PageOutcome document(byte[] bytes, String name, String url) {
        try {
            return extraction.fromDocument(bytes, name, url, null, null);
        } catch (IOException e) {
            throw new BadInputException("unreadable", "cannot read " + name + " (damaged or not a document of that type): " + e.getMessage());
        }
    }

    private Optional<byte[]> fetchAttachment(fazhi.core.model.Attachment attachment) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = get(attachment.url());
            if (response.statusCode() / 100 == 2) {
                return Optional.of(response.body());
            }
            LOG.warn("attachment {}: HTTP {}", attachment.url(), response.statusCode());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("attachment {}: {}", attachment.url(), e.getMessage());
        }
        return Optional.empty();
    }

    private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", userAgent).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
