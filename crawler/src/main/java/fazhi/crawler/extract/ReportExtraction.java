package fazhi.crawler.extract;

import fazhi.core.model.Attachment;
import fazhi.core.understand.PageEvidence;
import fazhi.core.understand.ReportUnderstanding;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page or document → its {@link PageOutcome}: the single extraction path shared by the crawler,
 * {@code ./portal extract} and {@code ./portal import}. Jsoup and Tika produce the evidence; the report / not-report
 * decision and every report field come from {@link ReportUnderstanding}. Only crawl-specific page rejections
 * (list pages, truncated pages, unsupported types) are decided here.
 */
public final class ReportExtraction {
    private static final Logger LOG = LoggerFactory.getLogger(ReportExtraction.class);
    /** Attachments are fetched only for pages that may be about the topic: the cue words of a report or its title. */
    private static final Pattern TOPIC_CUE = Pattern.compile("法治|依法行政|年度报告|工作报告|情况报告");
    private static final int MAX_ATTACHMENTS = 5;

    private final ReportUnderstanding understanding;
    private final PageExtractor extractor = new PageExtractor();
    private final AttachmentText attachmentText = new AttachmentText();

    public ReportExtraction(ReportUnderstanding understanding) {
        this.understanding = understanding;
    }

    /** Fetches an attachment's bytes; empty when it may not or could not be fetched (the reason is logged there). */
    @FunctionalInterface
    public interface AttachmentFetcher {
        Optional<byte[]> fetch(Attachment attachment) throws InterruptedException;

        AttachmentFetcher NONE = attachment -> Optional.empty();
    }

    /** Reads an HTML page only (no decision): what {@code extract} and the crawler's link-following use. */
    public ExtractedPage read(byte[] bytes, String contentType, String url) {
        PageDecoding.Decoded decoded = PageDecoding.decode(bytes, contentType);
        return extractor.extract(decoded.text(), url);
    }

    /** An HTML page: extraction, attachment text, then understanding. */
    public PageOutcome fromHtml(ExtractedPage page, String configuredRegion, AttachmentFetcher fetcher) throws InterruptedException {
        if (page.listPage()) {
            return PageOutcome.rejected("list-page", "栏目列表页，不是文章 (a list of links, not an article)", page);
        }
        ExtractedPage withAttachments = page;
        String probe = (page.title() == null ? "" : page.title()) + "\n" + page.bodyText();
        if (!page.attachments().isEmpty() && TOPIC_CUE.matcher(probe).find()) {
            StringBuilder body = new StringBuilder(page.bodyText());
            for (Attachment attachment : page.attachments().subList(0, Math.min(MAX_ATTACHMENTS, page.attachments().size()))) {
                Optional<byte[]> bytes = fetcher.fetch(attachment);
                if (bytes.isEmpty()) {
                    continue;
                }
                try {
                    String text = attachmentText.extract(bytes.get(), attachment.url());
                    if (!text.isBlank()) {
                        body.append(body.isEmpty() ? "" : "\n").append(text);
                    }
                } catch (IOException e) {
                    LOG.warn("attachment {} of {} unreadable: {}", attachment.url(), page.url(), e.getMessage());
                }
            }
            withAttachments = page.withBody(body.toString());
        }
        PageEvidence evidence = withAttachments.evidence(configuredRegion);
        return PageOutcome.of(understanding.understand(evidence), withAttachments);
    }

    /** A document (PDF, DOCX, DOC, WPS) fetched or read on its own; {@code title} is the link text when known. */
    public PageOutcome fromDocument(byte[] bytes, String fileName, String url, String title, String configuredRegion) throws IOException {
        String text = attachmentText.extract(bytes, fileName);
        String usableTitle = title != null && TOPIC_CUE.matcher(title).find() && title.length() >= 6 ? title : null;
        PageEvidence evidence = new PageEvidence(url, usableTitle, text, null, null, null, null, null, configuredRegion, List.of());
        ExtractedPage page = new ExtractedPage(url, usableTitle, null, null, null, null, null, text, List.of(), List.of(), false, "document", "");
        return PageOutcome.of(understanding.understand(evidence), page);
    }

    /** Plain text (a converted page or a local .txt): only the body and where it came from. */
    public PageOutcome fromText(String text, String url) {
        ExtractedPage page = new ExtractedPage(url, null, null, null, null, null, null, text, List.of(), List.of(), false, "text", "");
        return PageOutcome.of(understanding.understand(PageEvidence.ofText(url, text)), page);
    }

    /** A page whose download was cut at the size cap: never indexed as if complete. */
    public static PageOutcome truncated(String url, int maxBytes) {
        return PageOutcome.rejected("truncated", "页面超过大小上限 " + maxBytes + " 字节，内容不完整 (page cut at the size cap)",
                new ExtractedPage(url, null, null, null, null, null, null, "", List.of(), List.of(), false, null, ""));
    }

    public static PageOutcome unsupported(String url, String contentType) {
        return PageOutcome.rejected("unsupported-type", "不支持的内容类型 " + contentType + " (not HTML or a document)",
                new ExtractedPage(url, null, null, null, null, null, null, "", List.of(), List.of(), false, null, ""));
    }
}
