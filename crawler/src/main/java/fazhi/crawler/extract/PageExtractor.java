package fazhi.crawler.extract;

import fazhi.core.model.Attachment;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a government web page with Jsoup (issue 3 §3, domain.md §2): title, published date, source, site name and
 * code, breadcrumb, the article body as one paragraph or heading per line, attachments, links (with TRS
 * {@code createPageHTML} pagination and Hanweb {@code <datastore>} records), and whether it is a list page.
 *
 * <p>The body comes from the first known CMS container, else from the largest block of own text; navigation,
 * headers, footers, share and print widgets are dropped first. The extractor decides nothing about reports.
 */
public final class PageExtractor {
    /** Article containers of the CMS families of domain.md §2, most specific first. */
    private static final List<String> CONTAINERS = List.of(
            ".trs_editor_view", ".TRS_Editor", ".TRS_UEDITOR", ".zwxl-article", "#zoom", "#UCAP-CONTENT",
            ".article-content", ".article_content", "#article-content", ".content-text", ".zw-con", ".zw");
    private static final String DROPPED = "script, style, noscript, nav, header, footer, aside, form, iframe, select, "
            + "[class*=share], [id*=share], .bdsharebuttonbox, [class*=footer], [id*=footer], [class*=print], "
            + "[class~=(?i)^(top|head|header|menu|navbar|nav|sidebar|toolbar|tools|pagination|page|related|xgxx)$], "
            + "[id~=(?i)^(top|head|header|menu|nav|sidebar|toolbar|pagination|page)$]";
    private static final Pattern CREATE_PAGE = Pattern.compile(
            "createPageHTML\\(\\s*(?:[\"'][^\"']*[\"']\\s*,\\s*)?([A-Za-z_]\\w*|\\d+)\\s*,\\s*(?:[A-Za-z_]\\w*|\\d+)\\s*,\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"']");
    private static final Pattern COUNT_VAR = Pattern.compile("var\\s+(\\w+)\\s*=\\s*(\\d+)");
    private static final Pattern ATTACHMENT_PATH = Pattern.compile("(?i).+\\.(pdf|doc|docx|wps)$");
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final String DATE_VALUE = "\\s*[:：]\\s*((?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2})";
    /** 发布时间/发布日期 first; a bare 日期/时间 only when it is not 成文/印发/生效/废止 日期 (other dates of a document). */
    private static final List<Pattern> DATE_LINES = List.of(
            Pattern.compile("(?:发布时间|发布日期)" + DATE_VALUE),
            Pattern.compile("(?<!成文|印发|生效|废止|施行)(?:日期|时间)" + DATE_VALUE));
    private static final Pattern SOURCE_LINE = Pattern.compile("(?:发布机构|信息来源|来源)\\s*[:：]\\s*([^\\s:：|]{2,40})");
    private static final Pattern URL_DATE = Pattern.compile("/t((?:19|20)\\d{2})(\\d{2})(\\d{2})_");
    private static final Pattern SITE_CODE = Pattern.compile("网站标识码\\s*[:：]?\\s*([0-9A-Za-z]{10})");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:[_|｜]|\\s[-—–]\\s|--|——)\\s*");
    private static final Pattern WIDGET_LINE = Pattern.compile(
            "^(?:[【\\[]?\\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?|字号|大|中|小|扫一扫在手机打开当前页|我要纠错)\\s*[】\\]]?\\s*[:：]?\\s*)+$");

    /** Extracts a decoded HTML page seen at {@code url} (the base for relative links). */
    public ExtractedPage extract(String html, String url) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        Map<String, String> meta = metaTags(doc);
        String robots = meta.getOrDefault("robots", "").toLowerCase(Locale.ROOT);
        List<ExtractedPage.Link> links = robots.contains("nofollow") ? List.of() : links(doc, html, url);
        String siteName = meta.get("sitename");
        String siteIdCode = Optional.ofNullable(meta.get("siteidcode")).orElseGet(() -> siteCode(doc.text()));
        String breadcrumb = breadcrumb(doc);
        String pageText = lines(doc.body() == null ? doc : doc.body());
        LocalDate published = published(meta, doc, pageText, url);
        String source = Optional.ofNullable(meta.get("contentsource")).orElseGet(() -> source(doc, pageText));
        String title = title(meta, doc, siteName);

        Element body = zjegBody(html, url);
        String container = body != null ? "ZJEG_RSS" : null;
        doc.select(DROPPED).remove();
        removeComments(doc);
        if (body == null) {
            for (String selector : CONTAINERS) {
                Element found = doc.selectFirst(selector);
                if (found != null) {
                    body = found;
                    container = selector;
                    break;
                }
            }
        }
        boolean listPage;
        if (body == null) {
            body = largestTextBlock(doc);
            container = "largest-text-block";
            // TRS pagination scripts and Hanweb datastore records mark column lists even when their links live in scripts.
            listPage = hasPagination(html) || html.contains("<datastore") || linkDense(body) || linkDense(doc.body());
        } else {
            listPage = linkDense(body);
        }
        String bodyText = body == null ? "" : dropWidgetLines(lines(body));
        List<Attachment> attachments = attachments(doc, body);
        return new ExtractedPage(url, title, published, source, siteName, siteIdCode, breadcrumb, bodyText, attachments, links, listPage, container, robots);
    }

    // ---- metadata -------------------------------------------------------------------------------------------

    /** Meta tags by lower-cased name; the literal value "null" of broken templates counts as absent. */
    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Element m : doc.select("meta[name][content]")) {
            String value = m.attr("content").strip();
            if (!value.isEmpty() && !value.equalsIgnoreCase("null")) {
                meta.putIfAbsent(m.attr("name").strip().toLowerCase(Locale.ROOT), value);
            }
        }
        return meta;
    }

    private static String title(Map<String, String> meta, Document doc, String siteName) {
        String article = meta.get("articletitle");
        if (article != null) {
            return clean(article);
        }
        for (Element h : doc.select("h1, .article-title, .zwxl-title, .detail-title, .con-title, .title h2, h2.title")) {
            String text = clean(h.text());
            if (text.length() >= 4 && text.length() <= 120 && !text.equals(siteName) && h.closest("header, nav, .header, #header, .logo, #logo, .top") == null) {
                return text;
            }
        }
        String pageTitle = clean(doc.title());
        if (pageTitle.isEmpty()) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(pageTitle);
        for (String part : parts) {
            String p = part.strip();
            if (!p.isEmpty() && !isSiteName(p, siteName)) {
                return p;
            }
        }
        return parts.length > 0 ? parts[0].strip() : pageTitle;
    }

    private static boolean isSiteName(String part, String siteName) {
        return (siteName != null && (part.equals(siteName) || siteName.contains(part)))
                || part.matches(".*(门户网站|政府网|人民政府网|网站)$") || part.matches("^(首页|中国政府网)$");
    }

    private static LocalDate published(Map<String, String> meta, Document doc, String pageText, String url) {
        for (String key : List.of("pubdate", "publishdate", "firstpublishedtime", "dc.date")) {
            LocalDate date = date(meta.get(key));
            if (date != null) {
                return date;
            }
        }
        String fromTable = tableValue(doc, "发布日期", "发布时间");
        LocalDate date = date(fromTable);
        if (date != null) {
            return date;
        }
        for (Pattern pattern : DATE_LINES) {
            Matcher line = pattern.matcher(pageText);
            while (line.find()) {
                date = date(line.group(1));
                if (date != null) {
                    return date;
                }
            }
        }
        if (url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                return date(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
            }
        }
        return null;
    }

    private static String source(Document doc, String pageText) {
        String fromTable = tableValue(doc, "发布机构", "来源");
        if (fromTable != null && fromTable.length() >= 2) {
            return fromTable;
        }
        Matcher m = SOURCE_LINE.matcher(pageText);
        return m.find() ? m.group(1) : null;
    }

    /** The value beside a label cell in a TRS metadata table (索引号 / 发布机构 / 成文日期 / 发布日期). */
    private static String tableValue(Document doc, String... labels) {
        for (String label : labels) {
            for (Element cell : doc.select("td, th, span, li, div, p, dt")) {
                if (cell.childrenSize() > 2) {
                    continue;
                }
                String own = cell.ownText().replaceAll("[\\s\\u3000\\u00A0]", "");
                if (own.equals(label + "：") || own.equals(label + ":") || own.equals(label)) {
                    Element next = cell.nextElementSibling();
                    if (next != null && !clean(next.text()).isEmpty()) {
                        return clean(next.text());
                    }
                    for (Element child : cell.children()) {
                        if (!clean(child.text()).isEmpty()) {
                            return clean(child.text());
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String siteCode(String text) {
        Matcher m = SITE_CODE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String breadcrumb(Document doc) {
        Element crumb = doc.selectFirst("[class~=(?i)crumb|position|location|dqwz|curpos|bread], [id~=(?i)crumb|position|location|dqwz|curpos|bread]");
        if (crumb == null) {
            for (Element e : doc.getElementsMatchingOwnText("当前位置|您现在的位置|您的位置")) {
                crumb = e.parent() != null && e.parent().select("a").size() > e.select("a").size() ? e.parent() : e;
                break;
            }
        }
        if (crumb == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Element a : crumb.select("a")) {
            String text = clean(a.text());
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        return parts.isEmpty() ? null : String.join(" > ", parts);
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null; // 2021-02-30 is no date; the next source is tried
        }
    }

    // ---- links and attachments ------------------------------------------------------------------------------

    private static List<ExtractedPage.Link> links(Document doc, String html, String url) {
        Map<String, ExtractedPage.Link> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href], area[href]")) {
            if (a.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
                continue;
            }
            addLink(links, a.absUrl("href"), clean(a.text()));
        }
        for (Element frame : doc.select("frame[src], iframe[src]")) {
            addLink(links, frame.absUrl("src"), "");
        }
        // Hanweb lists keep their records as CDATA inside <script type="text/xml"><datastore>…</datastore></script>.
        for (Element script : doc.select("script")) {
            String data = script.data();
            if (data.contains("<record") || data.contains("<a ")) {
                Document records = Jsoup.parseBodyFragment(data.replace("<![CDATA[", "").replace("]]>", ""), url == null ? "" : url);
                for (Element a : records.select("a[href]")) {
                    addLink(links, a.absUrl("href"), clean(a.text()));
                }
            }
        }
        for (String page : paginationUrls(html, url)) {
            addLink(links, page, "");
        }
        return List.copyOf(links.values());
    }

    private static void addLink(Map<String, ExtractedPage.Link> links, String absolute, String anchor) {
        if (absolute == null || !(absolute.startsWith("http://") || absolute.startsWith("https://"))) {
            return;
        }
        int hash = absolute.indexOf('#');
        String target = hash >= 0 ? absolute.substring(0, hash) : absolute;
        links.putIfAbsent(target, new ExtractedPage.Link(target, anchor));
    }

    private static boolean hasPagination(String html) {
        return CREATE_PAGE.matcher(html).find();
    }

    /** TRS {@code createPageHTML(N, cur, "index", "html")}: pages index.html, index_1.html … index_{N-1}.html. */
    static List<String> paginationUrls(String html, String url) {
        if (url == null) {
            return List.of();
        }
        Matcher m = CREATE_PAGE.matcher(html);
        if (!m.find()) {
            return List.of();
        }
        int count = pageCount(m.group(1), html);
        List<String> pages = new ArrayList<>();
        try {
            URI base = new URI(url);
            for (int i = 0; i < Math.min(count, 1000); i++) {
                String name = i == 0 ? m.group(2) + "." + m.group(3) : m.group(2) + "_" + i + "." + m.group(3);
                pages.add(base.resolve(name).toString());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of(); // a page address Java cannot parse has no computable pagination
        }
        return pages;
    }

    private static int pageCount(String argument, String html) {
        if (argument.matches("\\d+")) {
            return Integer.parseInt(argument);
        }
        Matcher v = COUNT_VAR.matcher(html);
        while (v.find()) {
            if (v.group(1).equals(argument)) {
                return Integer.parseInt(v.group(2));
            }
        }
        return 0;
    }

    /**
     * Documents linked from the article: links in the body, and links elsewhere on the page labelled as attachments
     * (TRS and Hanweb put 附件 in a block after the body). Links in sidebars of related documents are not the
     * article's and are left out.
     */
    private static List<Attachment> attachments(Document doc, Element body) {
        List<Element> anchors = new ArrayList<>();
        if (body != null) {
            anchors.addAll(body.select("a[href]"));
        }
        for (Element a : doc.select("a[href]")) {
            if (!anchors.contains(a) && labelledAsAttachment(a)) {
                anchors.add(a);
            }
        }
        Map<String, Attachment> found = new LinkedHashMap<>();
        for (Element a : anchors) {
            String href = a.absUrl("href");
            if (!isAttachmentUrl(href)) {
                continue;
            }
            String name = clean(a.text());
            if (name.isEmpty()) {
                String path = pathPart(href);
                name = a.attr("title").isBlank() ? path.substring(path.lastIndexOf('/') + 1) : clean(a.attr("title"));
            }
            found.putIfAbsent(href, new Attachment(href, name));
        }
        return List.copyOf(found.values());
    }

    private static boolean labelledAsAttachment(Element a) {
        Element block = a;
        for (int i = 0; i < 3 && block != null; i++, block = block.parent()) {
            String text = block.text();
            if (text.length() < 500 && (text.contains("附件") || text.contains("附 件") || text.contains("下载"))) {
                return true;
            }
        }
        return false;
    }

    /** The path of an absolute URL without query and fragment; tolerant of the unescaped characters pages contain. */
    private static String pathPart(String url) {
        String withoutQuery = url.replaceFirst("[?#].*$", "");
        int slash = withoutQuery.indexOf('/', withoutQuery.indexOf("//") + 2);
        return slash < 0 ? "/" : withoutQuery.substring(slash);
    }

    /** An http(s) URL whose path ends in .pdf .doc .docx or .wps. */
    public static boolean isAttachmentUrl(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) && ATTACHMENT_PATH.matcher(pathPart(url)).matches();
    }

    // ---- body -----------------------------------------------------------------------------------------------

    /** Hanweb/浙江 pages mark the body with {@code <!--ZJEG_RSS.content.begin-->} … {@code end} comments. */
    private static Element zjegBody(String html, String url) {
        int begin = html.indexOf("<!--ZJEG_RSS.content.begin-->");
        int end = html.indexOf("<!--ZJEG_RSS.content.end-->");
        if (begin < 0 || end <= begin) {
            return null;
        }
        Document fragment = Jsoup.parseBodyFragment(html.substring(begin + "<!--ZJEG_RSS.content.begin-->".length(), end), url == null ? "" : url);
        fragment.select(DROPPED).remove();
        return fragment.body();
    }

    private static void removeComments(Node node) {
        for (int i = node.childNodeSize() - 1; i >= 0; i--) {
            Node child = node.childNode(i);
            if (child instanceof Comment) {
                child.remove();
            } else {
                removeComments(child);
            }
        }
    }

    /** The element holding the most own (non-link) text in paragraphs: the generic article body. */
    private static Element largestTextBlock(Document doc) {
        Element best = null;
        int bestScore = 0;
        for (Element e : doc.select("body, body *")) {
            int score = 0;
            for (Node child : e.childNodes()) {
                if (child instanceof TextNode t) {
                    score += t.text().strip().length();
                } else if (child instanceof Element c && (c.nameIs("p") || isInline(c))) {
                    score += c.text().length() - linkTextLength(c);
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    private static boolean isInline(Element e) {
        return switch (e.normalName()) {
            case "span", "font", "strong", "b", "em", "i", "u", "section" -> true;
            default -> false;
        };
    }

    private static int linkTextLength(Element e) {
        int length = 0;
        for (Element a : e.select("a")) {
            length += a.text().length();
        }
        return length;
    }

    /** Many links and most of the text inside them: a column list, a home page or a site map, not an article. */
    private static boolean linkDense(Element e) {
        if (e == null) {
            return false;
        }
        int total = e.text().replaceAll("\\s", "").length();
        Elements anchors = e.select("a[href]");
        int linkText = 0;
        for (Element a : anchors) {
            linkText += a.text().replaceAll("\\s", "").length();
        }
        return anchors.size() >= 5 && total > 0 && linkText * 2 > total;
    }

    /** Text with one line per block element (p, div, h1–h6, li, tr, br …), stripped of layout spaces. */
    static String lines(Node root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replaceAll("[\\r\\n\\t]+", " "));
                } else if (node instanceof DataNode) {
                    return;
                } else if (node instanceof Element e) {
                    if (e.nameIs("br") || isBlock(e)) {
                        out.append('\n');
                    } else if (e.nameIs("td") || e.nameIs("th")) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && isBlock(e)) {
                    out.append('\n');
                }
            }
        });
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String cleaned = line.replace('\u00A0', ' ').replaceAll("[ \\u3000]{2,}", " ").strip();
            cleaned = cleaned.replaceAll("^[\\s\\u3000]+|[\\s\\u3000]+$", "");
            if (!cleaned.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(cleaned);
            }
        }
        return text.toString();
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "section", "article",
                 "blockquote", "pre", "dd", "dt", "dl", "body", "center" -> true;
            default -> false;
        };
    }

    private static String dropWidgetLines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!WIDGET_LINE.matcher(line).matches()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(line);
            }
        }
        return out.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\u00A0', ' ').replace('\u3000', ' ').replaceAll("\\s+", " ").strip();
    }
}
