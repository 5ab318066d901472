package fazhi.crawler.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import fazhi.crawler.extract.ExtractedPage;
import fazhi.crawler.extract.ReportExtraction;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * crawler4j's HTML parsing replaced by our Jsoup extraction, so that links, pagination scripts (TRS
 * {@code createPageHTML}, Hanweb datastore records) and the article are read once, with our charset rules.
 * The extracted page travels to {@link ReportCrawler#visit} inside the parse data.
 */
final class ReportPageParser extends Parser {
    private final ReportExtraction extraction;
    private final BasicURLNormalizer normalizer;
    private final TLDList tldList;
    private final WebURLFactory factory;

    ReportPageParser(CrawlConfig config, BasicURLNormalizer normalizer, TLDList tldList, WebURLFactory factory, ReportExtraction extraction)
            throws IOException {
        super(config, normalizer, tldList, factory);
        this.extraction = extraction;
        this.normalizer = normalizer;
        this.tldList = tldList;
        this.factory = factory;
    }

    /** HtmlParseData carrying our extraction of the page. */
    static final class Extracted extends HtmlParseData {
        final ExtractedPage page;

        Extracted(ExtractedPage page) {
            this.page = page;
        }
    }

    @Override
    protected HtmlParseData createHtmlParseData(Page page) {
        String url = page.getWebURL().getURL();
        ExtractedPage extracted = extraction.read(page.getContentData() == null ? new byte[0] : page.getContentData(), page.getContentType(), url);
        Extracted data = new Extracted(extracted);
        data.setTitle(extracted.title() == null ? "" : extracted.title());
        data.setText(extracted.bodyText());
        data.setHtml("");
        Map<String, String> meta = new HashMap<>();
        meta.put("robots", extracted.robotsMeta());
        data.setMetaTags(meta);
        Set<WebURL> outgoing = new LinkedHashSet<>();
        for (ExtractedPage.Link link : extracted.links()) {
            String normalized = normalizer.filter(link.url());
            if (normalized == null) {
                continue;
            }
            WebURL webUrl = factory.newWebUrl();
            webUrl.setTldList(tldList);
            webUrl.setURL(normalized);
            webUrl.setAnchor(link.anchor());
            webUrl.setTag("a");
            Map<String, String> attributes = new HashMap<>();
            attributes.put("rel", "");
            webUrl.setAttributes(attributes);
            outgoing.add(webUrl);
        }
        data.setOutgoingUrls(outgoing);
        return data;
    }
}
