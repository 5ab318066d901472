package fazhi.crawler.extract;

import fazhi.core.model.Attachment;
import fazhi.core.understand.PageEvidence;
import java.time.LocalDate;
import java.util.List;

/**
 * What one HTML page says, read by {@link PageExtractor}: the evidence fields for understanding, the links to follow,
 * and whether the page is a list of articles rather than an article.
 *
 * @param listPage  a column/list page (many links, little own text, or TRS pagination without an article body)
 * @param links     absolute http(s) links worth following, including pagination computed from scripts (none under
 *                  meta robots nofollow, never rel=nofollow ones)
 * @param robotsMeta the page's {@code <meta name=robots>} content, "" when absent
 */
public record ExtractedPage(
        String url,
        String title,
        LocalDate published,
        String source,
        String siteName,
        String siteIdCode,
        String breadcrumb,
        String bodyText,
        List<Attachment> attachments,
        List<Link> links,
        boolean listPage,
        String container,
        String robotsMeta) {

    public ExtractedPage {
        attachments = List.copyOf(attachments);
        links = List.copyOf(links);
    }

    /** A link found on the page with its anchor text. */
    public record Link(String url, String anchor) {
    }

    public PageEvidence evidence(String configuredRegion) {
        return new PageEvidence(url, title, bodyText, published, source, siteName, siteIdCode, breadcrumb, configuredRegion, attachments);
    }

    /** The same page with text from its attachments appended to the body (one paragraph per line). */
    public ExtractedPage withBody(String newBody) {
        return new ExtractedPage(url, title, published, source, siteName, siteIdCode, breadcrumb, newBody, attachments, links, listPage, container, robotsMeta);
    }
}
