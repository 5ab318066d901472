package fazhi.core.understand;

import fazhi.core.model.Attachment;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a source (a crawled page, an attachment, a local file) tells about one document, before it is
 * understood as a report. Every field but {@code bodyText} may be null: they are evidence, not truth.
 *
 * @param url              where the document was seen (http(s) URL, or file: URI for local imports)
 * @param title            candidate title (ArticleTitle meta, h1, page title); null when the page has none
 * @param bodyText         the body, one paragraph or heading per line, original script and punctuation
 * @param published        publication date from metadata (PubDate, 发布日期, the tYYYYMMDD URL)
 * @param source           ContentSource / 发布机构 / 来源
 * @param siteName         SiteName meta or portal name
 * @param siteIdCode       SiteIDCode (网站标识码), 10 characters
 * @param breadcrumb       the page's 当前位置 trail, joined with " > "
 * @param configuredRegion the sites file's region (division code) of the site that served the page
 * @param attachments      files linked from the page
 */
public record PageEvidence(
        String url,
        String title,
        String bodyText,
        LocalDate published,
        String source,
        String siteName,
        String siteIdCode,
        String breadcrumb,
        String configuredRegion,
        List<Attachment> attachments) {

    public PageEvidence {
        bodyText = bodyText == null ? "" : bodyText;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Evidence from a plain text file: only the body and where it came from. */
    public static PageEvidence ofText(String url, String bodyText) {
        return new PageEvidence(url, null, bodyText, null, null, null, null, null, null, List.of());
    }
}
