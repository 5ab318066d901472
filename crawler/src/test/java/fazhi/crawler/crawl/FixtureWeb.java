package fazhi.crawler.crawl;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A small web of government-like sites on 127.0.0.1, each a real Javalin server on its own dynamic port (so each is
 * its own host for robots.txt, politeness and caps):
 * <ul>
 * <li>A — Chongqing TRS district portal (UTF-8): column list with {@code createPageHTML} pagination, detail pages with
 *     meta tags, metadata table, share and footer widgets; a township sub-site under /jz/tjz/; robots.txt disallowing
 *     /private/ (which holds a report); a report only as a PDF attachment; look-alikes (政府信息公开工作年度报告,
 *     工作要点); traps: an infinite calendar, a redirect loop, a long redirect chain, 404, 500, a slow and an
 *     oversized page.</li>
 * <li>B — Hanweb/大汉 style, GBK with the charset declared only in a meta tag: /col/col1229/ list with datastore
 *     records, #zoom body, a ZJEG_RSS-marked 法治宣传 news page.</li>
 * <li>C — Guangdong 集约化 style: /gkmlpt/content/…/post_N.html; the 大石 report again (repeated on two sites), a 政策解读,
 *     a report only as a DOCX attachment.</li>
 * <li>D — a mirror with the 统景 report under another template and an added footer line (a near-duplicate).</li>
 * <li>E — a host whose robots.txt answers 503: nothing else may be fetched there.</li>
 * </ul>
 * Every request is logged per site so tests can assert what was (not) fetched.
 */
final class FixtureWeb implements AutoCloseable {
    static final Charset GB18030 = Charset.forName("GB18030");

    final Site a = new Site("A");
    final Site b = new Site("B");
    final Site c = new Site("C");
    final Site d = new Site("D");
    final Site e = new Site("E");
    private final List<Site> sites = List.of(a, b, c, d, e);
    /** Adds a correction notice to the 庙坝 attachment page when set (for the incremental crawl test). */
    volatile boolean miaobaRevised;

    static String report(String name) {
        try (InputStream in = FixtureWeb.class.getResourceAsStream("/fazhi/crawler/crawl/reports/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] file(String name) {
        try (InputStream in = FixtureWeb.class.getResourceAsStream("/fazhi/crawler/crawl/files/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FixtureWeb start() {
        sites.forEach(Site::start);
        buildA();
        buildB();
        buildC();
        buildD();
        buildE();
        return this;
    }

    /** A sites file for this web; {@code delayMs} small for fast tests, larger to make a crawl last. */
    String sitesYaml(int delayMs) {
        return """
                contact: https://example.org/fazhi-crawler-tests
                maxPageBytes: 500000
                readTimeoutMs: 1000
                connectTimeoutMs: 1000
                threads: 2
                sites:
                  - name: 重庆市渝北区人民政府
                    region: "500112"
                    seeds: ["%s/"]
                    delayMs: %d
                    maxPages: 60
                    maxDepth: 5
                  - name: 重庆市合川区人民政府
                    region: "500117"
                    seeds: ["%s/col/col1229/index.html"]
                    delayMs: %d
                  - name: 广东式集约化平台
                    seeds: ["%s/gkmlpt/index.html"]
                    delayMs: %d
                  - name: 镜像站
                    seeds: ["%s/index.html"]
                    delayMs: %d
                  - name: 维护中的站点
                    seeds: ["%s/index.html"]
                    delayMs: %d
                """.formatted(a.base(), delayMs, b.base(), delayMs, c.base(), delayMs, d.base(), delayMs, e.base(), delayMs);
    }

    // ---- site A: Chongqing TRS ------------------------------------------------------------------------------

    private void buildA() {
        a.text("/robots.txt", "User-agent: *\nDisallow: /private/\n");
        a.html("/", page("重庆市渝北区人民政府", null, """
                <div class="nav"><a href="/">首页</a><a href="/zwgk_70755/">政务公开</a></div>
                <ul class="home-links">
                <li><a href="/zwgk_70755/fznb/index.html">法治政府建设年度报告</a></li>
                <li><a href="/jz/tjz/zwgk/fzzfjsndbg/index.html">统景镇法治政府建设年度报告</a></li>
                <li><a href="/private/index.html">内部资料</a></li>
                <li><a href="/calendar/2022-01.html">活动日历</a></li>
                <li><a href="/loop/a.html">旧版栏目</a></li>
                <li><a href="/chain/1.html">迁移的栏目</a></li>
                <li><a href="/missing.html">已删除的页面</a></li>
                <li><a href="/error.html">出错的页面</a></li>
                <li><a href="/slow.html">很慢的页面</a></li>
                <li><a href="/big.html">很大的页面</a></li>
                <li><a href="/zwgk_70755/fznb/index.html?utm_source=wechat&amp;spm=1.2">年度报告（分享链接）</a></li>
                </ul>
                """));
        a.html("/zwgk_70755/fznb/index.html", trsList("法治政府建设年度报告", 3, 0, List.of(
                new Item("202201/t20220110_1001.html", "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", "2022-01-10"),
                new Item("/private/t20220105_9001.html", "重庆市渝北区人民政府2021年法治政府建设年度报告", "2022-01-05"))));
        a.html("/zwgk_70755/fznb/index_1.html", trsList("法治政府建设年度报告", 3, 1, List.of(
                new Item("202203/t20220301_1002.html", "重庆市渝北区人民政府2021年政府信息公开工作年度报告", "2022-03-01"),
                new Item("202203/t20220302_1003.html", "重庆市渝北区2022年法治政府建设工作要点", "2022-03-02"))));
        a.html("/zwgk_70755/fznb/index_2.html", trsList("法治政府建设年度报告", 3, 2, List.of(
                new Item("202009/t20200918_1004.html", "重庆市荣昌区人民政府双河街道办事处关于开展法治政府建设情况的报告", "2020-09-18"))));
        a.dynamic("/zwgk_70755/fznb/202201/t20220110_1001.html", ctx -> respondHtml(ctx, trsDetail("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告",
                "2022-01-10 09:30", "重庆市渝北区统景镇人民政府",
                report("tongjing-2021"), "")));
        a.html("/zwgk_70755/fznb/202203/t20220301_1002.html", trsDetail("重庆市渝北区人民政府2021年政府信息公开工作年度报告",
                "2022-03-01 10:00", "重庆市渝北区人民政府办公室", INFO_DISCLOSURE, ""));
        a.html("/zwgk_70755/fznb/202203/t20220302_1003.html", trsDetail("重庆市渝北区2022年法治政府建设工作要点",
                "2022-03-02 10:00", "重庆市渝北区司法局", WORK_POINTS, ""));
        a.html("/zwgk_70755/fznb/202009/t20200918_1004.html", trsDetail("重庆市荣昌区人民政府双河街道办事处关于开展法治政府建设情况的报告",
                "2020-09-18 16:00", "重庆市荣昌区人民政府双河街道办事处", "",
                "<p>附件：<a href=\"./W020200918_1004.pdf\">双河街道法治政府建设情况的报告.pdf</a></p>"));
        a.bytes("/zwgk_70755/fznb/202009/W020200918_1004.pdf", "application/pdf", file("shuanghe-2020.pdf"));
        // Township sub-site: another template, no ArticleTitle meta; date and source as text lines.
        a.html("/jz/tjz/zwgk/fzzfjsndbg/index.html", trsList("统景镇 法治政府建设年度报告", 1, 0, List.of(
                new Item("202201/t20220110_2001.html", "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", "2022-01-10"))));
        // The township template shows a visit counter: its bytes change on every fetch, its report does not.
        java.util.concurrent.atomic.AtomicInteger visits = new java.util.concurrent.atomic.AtomicInteger();
        String township = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>重庆市渝北区统景镇人民政府2021年法治政府建设年度报告-统景镇</title>
                <meta name="SiteName" content="重庆市渝北区人民政府"><meta name="SiteIDCode" content="5001120001"></head><body>
                <div class="header"><a href="/jz/tjz/">统景镇</a></div>
                <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jz/tjz/">统景镇</a> &gt; <a href="../index.html">法治政府建设年度报告</a></div>
                <h1>重庆市渝北区统景镇人民政府2021年法治政府建设年度报告</h1>
                <div class="info"><span>发布日期：2022-01-10</span> <span>来源：重庆市渝北区统景镇人民政府</span> <span>访问次数：VISITS</span></div>
                <div class="zwxl-article">%s</div>
                <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
                <div class="footer">主办：重庆市渝北区统景镇人民政府 网站标识码：5001120001</div>
                </body></html>""".formatted(paragraphs(report("tongjing-2021")));
        a.dynamic("/jz/tjz/zwgk/fzzfjsndbg/202201/t20220110_2001.html",
                ctx -> respondHtml(ctx, township.replace("VISITS", String.valueOf(visits.incrementAndGet()))));
        a.html("/private/index.html", trsList("内部资料", 1, 0, List.of(new Item("t20220105_9001.html", "重庆市渝北区人民政府2021年法治政府建设年度报告", "2022-01-05"))));
        a.html("/private/t20220105_9001.html", trsDetail("重庆市渝北区人民政府2021年法治政府建设年度报告", "2022-01-05 10:00",
                "重庆市渝北区人民政府", report("miaoba-2020"), ""));
        a.fallback(ctx -> {
            String path = ctx.path();
            if (path.startsWith("/calendar/")) { // an endless calendar: every month links to the next
                int n = Integer.parseInt(path.replaceAll("\\D", "").substring(0, 6));
                int year = n / 100;
                int month = n % 100;
                String next = month == 12 ? (year + 1) + "-01" : year + "-" + String.format("%02d", month + 1);
                respondHtml(ctx, page("活动日历 " + year + "年" + month + "月", null, "<p>本月暂无活动。</p><a href=\"/calendar/" + next + ".html\">下一月</a>"));
            } else if (path.equals("/loop/a.html")) {
                ctx.redirect("/loop/b.html");
            } else if (path.equals("/loop/b.html")) {
                ctx.redirect("/loop/a.html");
            } else if (path.startsWith("/chain/")) { // /chain/1 → /chain/2 → … → /chain/10: longer than five redirects
                int n = Integer.parseInt(path.replaceAll("\\D", ""));
                if (n < 10) {
                    ctx.redirect("/chain/" + (n + 1) + ".html");
                } else {
                    respondHtml(ctx, page("迁移后的栏目", null, "<p>本栏目已迁移。</p>"));
                }
            } else if (path.equals("/error.html")) {
                ctx.status(500).result("internal error");
            } else if (path.equals("/slow.html")) {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respondHtml(ctx, page("很慢的页面", null, "<p>终于加载完成。</p>"));
            } else if (path.equals("/big.html")) { // streamed (no Content-Length): cut at the size cap
                String filler = "<p>" + "法治政府建设情况的报告内容。".repeat(40) + "</p>\n";
                String body = page("重庆市渝北区人民政府2020年法治政府建设年度报告", null, filler.repeat(500));
                ctx.contentType("text/html; charset=utf-8");
                ctx.result(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } else {
                ctx.status(404).result("not found");
            }
        });
    }

    // ---- site B: Hanweb, GBK declared only in a meta tag ----------------------------------------------------

    private void buildB() {
        b.status("/robots.txt", 404);
        b.gbk("/col/col1229/index.html", """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>法治政府建设_重庆市合川区人民政府</title></head><body>
                <div id="container"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=1229&unitid=1&webname=x&permissiontype=0"></a>]]></nextgroup>
                <recordset>
                <record><![CDATA[<li><a href="/art/2024/2/20/art_1229_5001.html" title="大石街道办事处2023年法治政府建设年度报告" target="_blank">大石街道办事处2023年法治政府建设年度报告</a><span>2024-02-20</span></li>]]></record>
                <record><![CDATA[<li><a href="/art/2024/3/1/art_1229_5002.html" title="大石街道开展宪法宣传周法治宣传活动" target="_blank">大石街道开展宪法宣传周法治宣传活动</a><span>2024-03-01</span></li>]]></record>
                </recordset></datastore></script></div></body></html>""");
        b.gbk("/art/2024/2/20/art_1229_5001.html", """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>大石街道办事处2023年法治政府建设年度报告_重庆市合川区人民政府</title>
                <meta name="SiteName" content="重庆市合川区人民政府"><meta name="SiteIDCode" content="5001170002"></head><body>
                <table class="dqwz"><tr><td>您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col1229/index.html">法治政府建设</a></td></tr></table>
                <table><tr><td>发布时间：2024-02-20</td><td>来源：大石街道办事处</td><td>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></td></tr></table>
                <div id="zoom">%s</div>
                <div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a></div>
                <div id="footer">主办：重庆市合川区人民政府办公室 网站标识码：5001170002</div>
                </body></html>""".formatted(paragraphs(report("dashi-2023"))));
        b.gbk("/art/2024/3/1/art_1229_5002.html", """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>大石街道开展宪法宣传周法治宣传活动_重庆市合川区人民政府</title></head><body>
                <!--ZJEG_RSS.content.begin--><meta name="ContentStart"><p>12月4日，大石街道在场镇开展“宪法宣传周”法治宣传活动，工作人员向群众发放法治宣传资料500余份，解答法律咨询30余人次。</p>
                <p>活动围绕宪法、民法典等法律法规，引导群众尊法学法守法用法，为推进法治政府建设营造良好氛围。</p><meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
                </body></html>""");
    }

    // ---- site C: Guangdong post_<id> ------------------------------------------------------------------------

    private void buildC() {
        c.text("/robots.txt", "User-agent: *\nAllow: /\n");
        c.html("/gkmlpt/index.html", page("政府信息公开", null, """
                <ul class="list">
                <li><a href="/gkmlpt/content/1/1001/post_1001.html">大石街道办事处2023年法治政府建设年度报告</a><span>2024-02-20</span></li>
                <li><a href="/gkmlpt/content/1/1002/post_1002.html">《2023年法治政府建设工作方案》政策解读</a><span>2023-05-06</span></li>
                <li><a href="/gkmlpt/content/1/1003/post_1003.html">城口县庙坝镇人民政府2020年法治政府建设工作情况报告</a><span>2021-07-05</span></li>
                <li><a href="/gkmlpt/content/1/1004/post_1004.html">通知公告</a><span>2021-07-06</span></li>
                <li><a href="/gkmlpt/content/1/1005/post_1005.html">机构职能</a><span>2021-07-07</span></li>
                </ul>"""));
        c.html("/gkmlpt/content/1/1001/post_1001.html", gdPost("大石街道办事处2023年法治政府建设年度报告", "2024-02-20 15:00", "大石街道办事处",
                paragraphs(report("dashi-2023"))));
        c.html("/gkmlpt/content/1/1002/post_1002.html", gdPost("《2023年法治政府建设工作方案》政策解读", "2023-05-06 09:00", "区司法局",
                paragraphs(POLICY_READING)));
        c.dynamic("/gkmlpt/content/1/1003/post_1003.html", ctx -> respondHtml(ctx, gdPost("城口县庙坝镇人民政府2020年法治政府建设工作情况报告",
                "2021-07-05 11:20", "城口县庙坝镇人民政府",
                (miaobaRevised ? "<p>（2021年7月20日更正：附件已替换为最终稿。）</p>" : "")
                        + "<p>附件：<a href=\"/attachment/0/1/1003.docx\">城口县庙坝镇人民政府2020年法治政府建设工作情况报告.docx</a></p>")));
        c.bytes("/attachment/0/1/1003.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(report("miaoba-2020")));
        c.html("/gkmlpt/content/1/1004/post_1004.html", gdPost("通知公告", "2021-07-06 11:20", "区政府办公室", "<p>本栏目暂无内容。</p>"));
        c.html("/gkmlpt/content/1/1005/post_1005.html", gdPost("机构职能", "2021-07-07 11:20", "区政府办公室", "<p>负责全区政务公开工作。</p>"));
    }

    // ---- site D: a mirror with another template and an extra footer line ------------------------------------

    private void buildD() {
        d.status("/robots.txt", 404);
        d.html("/index.html", page("政务资料镜像", null, """
                <ul><li><a href="/mirror/tongjing.html">统景镇2021年法治政府建设年度报告（转载）</a></li>
                <li><a href="/mirror/a.html">资料一</a></li><li><a href="/mirror/b.html">资料二</a></li>
                <li><a href="/mirror/c.html">资料三</a></li><li><a href="/mirror/d.html">资料四</a></li></ul>"""));
        d.html("/mirror/tongjing.html", """
                <html><head><meta charset="utf-8"><title>重庆市渝北区统景镇人民政府2021年法治政府建设年度报告 | 政务资料镜像</title></head><body>
                <div class="top"><a href="/index.html">返回镜像首页</a></div>
                <div class="main">%s<p>（本文转载自重庆市渝北区人民政府网站，如有侵权请联系删除。）</p></div>
                </body></html>""".formatted(paragraphs(report("tongjing-2021"))));
    }

    // ---- site E: robots.txt answers 503 ---------------------------------------------------------------------

    private void buildE() {
        e.status("/robots.txt", 503);
        e.html("/index.html", page("维护中", null, "<p><a href=\"/report.html\">2021年法治政府建设年度报告</a></p>"));
        e.html("/report.html", trsDetail("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", "2022-01-10 09:30", "统景镇", report("tongjing-2021"), ""));
    }

    // ---- page templates -------------------------------------------------------------------------------------

    record Item(String href, String title, String date) {
    }

    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append("<p style=\"text-indent:2em\">").append(escape(line)).append("</p>\n");
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String page(String title, String meta, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + (meta == null ? "" : meta)
                + "</head><body>" + body + "</body></html>";
    }

    private static String trsList(String column, int pages, int current, List<Item> items) {
        StringBuilder li = new StringBuilder();
        for (Item item : items) {
            li.append("<li><a href=\"").append(item.href()).append("\" title=\"").append(item.title()).append("\" target=\"_blank\">")
                    .append(item.title()).append("</a><span>").append(item.date()).append("</span></li>\n");
        }
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s-重庆市渝北区人民政府</title>
                <meta name="SiteName" content="重庆市渝北区人民政府"><meta name="SiteIDCode" content="5001120001"><meta name="ColumnName" content="%s"></head>
                <body><div class="header"><a href="/">首页</a></div>
                <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk_70755/">政务公开</a> &gt; <a href="./index.html">%s</a></div>
                <div class="zcwjk-list"><ul>%s</ul></div>
                <div class="page"><script>createPageHTML(%d, %d, "index", "html");</script></div>
                <div class="footer">网站标识码：5001120001</div></body></html>""".formatted(column, column, column, li, pages, current);
    }

    private static String trsDetail(String title, String pubDate, String source, String text, String extraBody) {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s-重庆市渝北区人民政府</title>
                <meta name="SiteName" content="重庆市渝北区人民政府"><meta name="SiteDomain" content="www.ybq.gov.cn"><meta name="SiteIDCode" content="5001120001">
                <meta name="ColumnName" content="法治政府建设年度报告"><meta name="ArticleTitle" content="%s"><meta name="PubDate" content="%s">
                <meta name="ContentSource" content="%s"><meta name="Keywords" content="null"></head>
                <body><div class="header"><a href="/">首页</a><a href="/zwgk_70755/">政务公开</a></div>
                <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk_70755/">政务公开</a> &gt; <a href="../index.html">法治政府建设年度报告</a></div>
                <table class="zwxl-table"><tr><td>索引号：</td><td>11500112MB1514221E/2022-00001</td><td>发布机构：</td><td>%s</td></tr>
                <tr><td>成文日期：</td><td>%s</td><td>发布日期：</td><td>%s</td></tr></table>
                <div class="zwxl-title"><h2>%s</h2></div>
                <div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web"><div class="TRS_Editor">%s%s</div></div>
                <div class="zwxl-share">分享到：<a href="#">微信</a><a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a></div>
                <div class="footer">主办：重庆市渝北区人民政府办公室 网站标识码：5001120001 渝ICP备05003300号</div>
                </body></html>""".formatted(title, title, pubDate, source, source, pubDate.substring(0, 10), pubDate.substring(0, 10), title,
                text.isEmpty() ? "" : paragraphs(text), extraBody);
    }

    private static String gdPost(String title, String pubDate, String source, String bodyHtml) {
        return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
                <meta name="SiteName" content="广东式集约化平台"><meta name="SiteIDCode" content="4400000099">
                <meta name="ArticleTitle" content="%s"><meta name="PubDate" content="%s"><meta name="ContentSource" content="%s"></head>
                <body><div class="nav-bar"><a href="/gkmlpt/index.html">政府信息公开</a></div>
                <div class="article"><h1 class="article-title">%s</h1><div class="article-content">%s</div></div>
                <footer>版权所有 网站标识码：4400000099</footer></body></html>""".formatted(title, title, pubDate, source, title, bodyHtml);
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String INFO_DISCLOSURE = """
            本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。
            一、总体情况
            2021年，渝北区坚持以公开为常态、不公开为例外，推进政府信息公开工作，助力法治政府建设，依法行政水平不断提高。
            二、主动公开政府信息情况
            全年主动公开政府信息12000余条，其中规范性文件35件。
            三、收到和处理政府信息公开申请情况
            全年收到政府信息公开申请286件，均按时答复。
            四、存在的主要问题及改进情况
            信息公开的及时性有待提高。下一步将加强培训。
            五、其他需要报告的事项
            无。""";

    static final String WORK_POINTS = """
            为深入推进依法行政，加快建设法治政府，现将2022年法治政府建设工作要点印发如下，请结合实际认真贯彻落实。
            一、深入学习贯彻习近平法治思想
            将习近平法治思想纳入各级党委（党组）理论学习中心组学习内容。
            二、健全政府机构职能体系
            全面实行政府权责清单制度。
            三、健全依法行政制度体系
            加强行政规范性文件备案审查。
            四、加强组织保障
            各单位要于2022年12月10日前报送法治政府建设年度报告。""";

    static final String POLICY_READING = """
            一、起草背景
            为贯彻落实《法治政府建设实施纲要（2021—2025年）》，推进依法行政，区司法局起草了《2023年法治政府建设工作方案》。
            二、主要内容
            方案明确了健全政府机构职能体系、完善依法行政制度体系等七个方面的重点任务。
            三、解读机关及联系方式
            解读机关：区司法局。""";

    // ---- the servers ----------------------------------------------------------------------------------------

    /** One host of the fixture web: exact-path responses plus a fallback, every request logged. */
    static final class Site {
        final String name;
        private final Map<String, Consumer<Context>> routes = new ConcurrentHashMap<>();
        private volatile Consumer<Context> fallback = ctx -> ctx.status(404).result("not found");
        final List<String> requests = new CopyOnWriteArrayList<>();
        final java.util.Set<String> userAgents = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        /** Most requests this host answered at once (the slow page, abandoned by the client's timeout, not counted). */
        final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        private Javalin server;

        Site(String name) {
            this.name = name;
        }

        void start() {
            server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.get("/*", ctx -> {
                    String query = ctx.queryString();
                    requests.add(ctx.path() + (query == null ? "" : "?" + query));
                    userAgents.add(String.valueOf(ctx.header("User-Agent")));
                    boolean counted = !ctx.path().equals("/slow.html");
                    if (counted) {
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    }
                    try {
                        routes.getOrDefault(ctx.path(), fallback).accept(ctx);
                    } finally {
                        if (counted) {
                            inFlight.decrementAndGet();
                        }
                    }
                });
            }).start("127.0.0.1", 0);
        }

        String base() {
            return "http://127.0.0.1:" + server.port();
        }

        void html(String path, String html) {
            routes.put(path, ctx -> respondHtml(ctx, html));
        }

        void gbk(String path, String html) { // charset only in the page's meta tag, none in the header
            routes.put(path, ctx -> {
                ctx.contentType("text/html");
                ctx.result(html.getBytes(GB18030));
            });
        }

        void text(String path, String text) {
            routes.put(path, ctx -> {
                ctx.contentType("text/plain; charset=utf-8");
                ctx.result(text);
            });
        }

        void bytes(String path, String type, byte[] bytes) {
            routes.put(path, ctx -> {
                ctx.contentType(type);
                ctx.result(bytes);
            });
        }

        void status(String path, int status) {
            routes.put(path, ctx -> ctx.status(status).result("status " + status));
        }

        void dynamic(String path, Consumer<Context> handler) {
            routes.put(path, handler);
        }

        void fallback(Consumer<Context> handler) {
            fallback = handler;
        }

        /** How many times a path (with query) was requested. */
        long count(String path) {
            return requests.stream().filter(path::equals).count();
        }

        List<String> requestedUnder(String prefix) {
            return requests.stream().filter(r -> r.startsWith(prefix)).toList();
        }

        void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static void respondHtml(Context ctx, String html) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html);
    }

    /** Writes the sites file for this web into a folder and returns its path. */
    Path writeSites(Path dir, int delayMs) throws IOException {
        Path file = dir.resolve("sites.yml");
        Files.writeString(file, sitesYaml(delayMs));
        return file;
    }

    java.util.Set<String> userAgents() {
        java.util.Set<String> all = new java.util.TreeSet<>();
        sites.forEach(site -> all.addAll(site.userAgents));
        return all;
    }

    void clearRequests() {
        sites.forEach(site -> site.requests.clear());
    }

    /** Every URL requested since the last clear, with its host. */
    List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (Site site : sites) {
            site.requests.forEach(path -> urls.add(site.base() + path));
        }
        return urls;
    }

    Map<String, List<String>> requestLog() {
        Map<String, List<String>> log = new LinkedHashMap<>();
        for (Site site : sites) {
            log.put(site.name, new ArrayList<>(site.requests));
        }
        return log;
    }

    @Override
    public void close() {
        sites.forEach(Site::stop);
    }
}
