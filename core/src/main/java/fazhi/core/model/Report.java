package fazhi.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One 法治政府建设 annual report, the record the crawler and importer write and the indexer reads
 * (shared/design.md, "Report record"). Unknown values are null, never guessed.
 *
 * @param id          stable identifier derived from the canonical URL or the content
 * @param url         canonical URL (the first place the report was seen)
 * @param urls        every URL the report was seen at, canonical first
 * @param year        the year reported on, not the publication year
 * @param published   publication date
 * @param contentHash hash of the normalised body text; equal hashes mean the same report
 */
public record Report(
        String id,
        String url,
        List<String> urls,
        String title,
        String issuer,
        Level level,
        Integer year,
        LocalDate published,
        Region region,
        Site site,
        List<Section> sections,
        List<Attachment> attachments,
        String contentHash) {

    public Report {
        Objects.requireNonNull(id, "id");
        urls = urls == null ? List.of() : List.copyOf(urls);
        level = level == null ? Level.UNKNOWN : level;
        region = region == null ? Region.UNKNOWN : region;
        site = site == null ? Site.UNKNOWN : site;
        sections = sections == null ? List.of() : List.copyOf(sections);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The whole body text: the section texts joined in order. */
    public String bodyText() {
        StringBuilder body = new StringBuilder();
        for (Section section : sections) {
            if (!body.isEmpty()) {
                body.append('\n');
            }
            if (section.heading() != null) {
                body.append(section.heading()).append('\n');
            }
            body.append(section.text());
        }
        return body.toString();
    }

    public Report withUrls(List<String> newUrls) {
        return new Report(id, url, newUrls, title, issuer, level, year, published, region, site, sections, attachments, contentHash);
    }
}
