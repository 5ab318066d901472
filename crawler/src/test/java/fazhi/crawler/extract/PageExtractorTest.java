package fazhi.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
    private final PageExtractor extractor = new PageExtractor();

    @Test
    void trsDetailPage() {
        String html = """
                <html><head><title>统景镇2021年法治政府建设年度报告-重庆市渝北区人民政府</title>
                <meta name="SiteName" content="重庆市渝北区人民政府"><meta name="SiteIDCode" content="5001120001">
                <meta name="ArticleTitle" content="重庆市渝北区统景镇人民政府2021年法治政府建设年度报告">
                <meta name="PubDate" content="2022-01-10 09:30"><meta name="ContentSource" content="null"></head><body>
                <div class="header"><a href="/">首页</a></div>
                <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">法治政府建设年度报告</a></div>
                <table><tr><td>发布机构：</td><td>重庆市渝北区统景镇人民政府</td><td>发布日期：</td><td>2022-01-11</td></tr></table>
                <div class="trs_editor_view"><div class="TRS_Editor"><p>区政府：</p><p>　　按照有关规定，现将情况报告如下：</p>
                <p><strong>一、主要举措和成效</strong></p><p>附件：<a href="W020220110.pdf">报告全文.pdf</a></p></div></div>
                <div class="share">分享到：<a href="#">微信</a></div><p>【打印本页】 【关闭窗口】</p>
                <div class="footer">网站标识码：5001120001</div></body></html>""";
        ExtractedPage page = extractor.extract(html, "http://www.ybq.gov.cn/zwgk_70755/fznb/202201/t20220110_1.html");
        assertThat(page.title()).isEqualTo("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告");
        assertThat(page.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(page.source()).isEqualTo("重庆市渝北区统景镇人民政府"); // ContentSource "null" is no value: the table's 发布机构
        assertThat(page.siteName()).isEqualTo("重庆市渝北区人民政府");
        assertThat(page.siteIdCode()).isEqualTo("5001120001");
        assertThat(page.breadcrumb()).isEqualTo("首页 > 政务公开 > 法治政府建设年度报告");
        assertThat(page.bodyText()).isEqualTo("区政府：\n按照有关规定，现将情况报告如下：\n一、主要举措和成效\n附件：报告全文.pdf");
        assertThat(page.attachments()).singleElement().satisfies(a -> {
            assertThat(a.url()).isEqualTo("http://www.ybq.gov.cn/zwgk_70755/fznb/202201/W020220110.pdf");
            assertThat(a.name()).isEqualTo("报告全文.pdf");
        });
        assertThat(page.listPage()).isFalse();
        assertThat(page.container()).isEqualTo(".trs_editor_view");
    }

    @Test
    void attachmentsAreTheArticlesNotTheSidebars() {
        String html = """
                <html><body><div class="TRS_Editor"><p>正文见附件。</p></div>
                <div class="fjxz">附件：<a href="./P020220110.docx">报告.docx</a></div>
                <div class="related"><h3>相关文档</h3><ul><li><a href="/other/W1.pdf">另一份文件</a></li><li><a href="/other/2.html">另一篇</a></li></ul></div>
                </body></html>""";
        ExtractedPage page = extractor.extract(html, "http://a.gov.cn/col/t20220110_1.html");
        assertThat(page.attachments()).extracting(a -> a.url()).containsExactly("http://a.gov.cn/col/P020220110.docx");
        assertThat(PageExtractor.isAttachmentUrl("http://a.gov.cn/文件/报告 全文.PDF?v=1")).isTrue();
        assertThat(PageExtractor.isAttachmentUrl("http://a.gov.cn/list.jsp?file=a.pdf")).isFalse();
    }

    @Test
    void titleFromThePageTitleWithoutTheSiteNameAndDateFromALine() {
        String html = """
                <html><head><title>大石街道办事处2023年法治政府建设年度报告_重庆市合川区人民政府</title></head><body>
                <div>发布时间：2024年02月20日 来源：大石街道办事处</div>
                <div id="zoom"><p>2023年以来，大石街道……</p></div></body></html>""";
        ExtractedPage page = extractor.extract(html, "http://www.hc.gov.cn/art/2024/2/20/art_1229_5001.html");
        assertThat(page.title()).isEqualTo("大石街道办事处2023年法治政府建设年度报告");
        assertThat(page.published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(page.source()).isEqualTo("大石街道办事处");
        assertThat(page.container()).isEqualTo("#zoom");
    }

    @Test
    void theWritingDateIsNotThePublicationDate() {
        String html = "<html><body><p>成文日期：2021-12-30</p><p>发布日期：2022-01-10</p><div id=\"zoom\"><p>正文</p></div></body></html>";
        assertThat(extractor.extract(html, "http://a.gov.cn/x.html").published()).isEqualTo(LocalDate.of(2022, 1, 10));
        String onlyWritten = "<html><body><p>成文日期：2021-12-30</p><div id=\"zoom\"><p>正文</p></div></body></html>";
        assertThat(extractor.extract(onlyWritten, "http://a.gov.cn/x.html").published()).isNull();
    }

    @Test
    void publishedDateFromTheTrsUrlWhenThePageSaysNothing() {
        ExtractedPage page = extractor.extract("<html><body><div class=\"zwxl-article\"><p>正文</p></div></body></html>",
                "http://www.rongchang.gov.cn/zwgk/fzzfndbg/202103/t20210315_9001.html");
        assertThat(page.published()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(page.title()).isNull();
    }

    @Test
    void trsPaginationScriptBecomesLinks() {
        String html = "<html><body><ul><li><a href=\"./202201/t1.html\">一</a></li></ul>"
                + "<script>createPageHTML(4, 0, \"index\", \"html\");</script></body></html>";
        ExtractedPage page = extractor.extract(html, "http://www.cq.gov.cn/zwgk/fzzfjsndbg/index.html");
        assertThat(page.links()).extracting(ExtractedPage.Link::url).contains(
                "http://www.cq.gov.cn/zwgk/fzzfjsndbg/index_1.html", "http://www.cq.gov.cn/zwgk/fzzfjsndbg/index_2.html",
                "http://www.cq.gov.cn/zwgk/fzzfjsndbg/index_3.html").doesNotContain("http://www.cq.gov.cn/zwgk/fzzfjsndbg/index_4.html");
        assertThat(page.listPage()).isTrue();
        assertThat(PageExtractor.paginationUrls("<script>var countPage = 2;createPageHTML(countPage, 0, 'index', 'shtml');</script>",
                "http://x.gov.cn/a/")).containsExactly("http://x.gov.cn/a/index.shtml", "http://x.gov.cn/a/index_1.shtml");
        // Newer TRS templates name the pager's element first and add the record count.
        assertThat(PageExtractor.paginationUrls("<script>createPageHTML('page_div', 3, 1, 'index', 'html', 52);</script>",
                "http://x.gov.cn/b/index_1.html")).containsExactly("http://x.gov.cn/b/index.html", "http://x.gov.cn/b/index_1.html",
                "http://x.gov.cn/b/index_2.html");
    }

    @Test
    void hanwebDatastoreRecordsAreLinks() {
        String html = """
                <html><body><script type="text/xml"><datastore><recordset>
                <record><![CDATA[<li><a href="/art/2024/2/20/art_1229_5001.html">报告</a></li>]]></record>
                </recordset></datastore></script></body></html>""";
        ExtractedPage page = extractor.extract(html, "http://www.zj.gov.cn/col/col1229/index.html");
        assertThat(page.links()).extracting(ExtractedPage.Link::url).contains("http://www.zj.gov.cn/art/2024/2/20/art_1229_5001.html");
    }

    @Test
    void zjegMarkersUcapAndGuangdongBodies() {
        String zjeg = "<html><body><div class=\"nav\">导航</div><!--ZJEG_RSS.content.begin--><p>第一段。</p><p>第二段。</p><!--ZJEG_RSS.content.end--><div>页脚</div></body></html>";
        assertThat(extractor.extract(zjeg, "http://a.gov.cn/x.html").bodyText()).isEqualTo("第一段。\n第二段。");
        String ucap = "<html><body><div id=\"UCAP-CONTENT\"><p>开普云正文。</p></div><p>其他</p></body></html>";
        assertThat(extractor.extract(ucap, "http://a.gov.cn/x.html").bodyText()).isEqualTo("开普云正文。");
        String gd = "<html><body><div class=\"article-content\"><p>广东正文。</p></div></body></html>";
        assertThat(extractor.extract(gd, "http://www.gd.gov.cn/gkmlpt/content/1/2/post_3.html").bodyText()).isEqualTo("广东正文。");
    }

    @Test
    void largestTextBlockWhenNoKnownContainer() {
        String html = """
                <html><body><nav><a href="/">首页</a><a href="/a">栏目一</a></nav>
                <div class="left"><p>短</p></div>
                <div class="main"><p>一、总体情况</p><p>本年度深入推进法治政府建设，取得明显成效，群众满意度持续提升。</p><p>二、存在的问题</p></div>
                <footer>版权所有 网站标识码：5001170002</footer></body></html>""";
        ExtractedPage page = extractor.extract(html, "http://a.gov.cn/x.html");
        assertThat(page.bodyText()).isEqualTo("一、总体情况\n本年度深入推进法治政府建设，取得明显成效，群众满意度持续提升。\n二、存在的问题");
        assertThat(page.siteIdCode()).isEqualTo("5001170002");
        assertThat(page.listPage()).isFalse();
    }

    @Test
    void aColumnListIsAListPage() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            items.append("<li><a href=\"t2022010").append(i).append("_1.html\">第").append(i).append("篇法治政府建设年度报告</a><span>2022-01-0").append(i).append("</span></li>");
        }
        ExtractedPage page = extractor.extract("<html><body><ul>" + items + "</ul></body></html>", "http://a.gov.cn/list/index.html");
        assertThat(page.listPage()).isTrue();
        assertThat(page.links()).hasSize(8);
    }

    @Test
    void nofollowIsRespected() {
        String html = "<html><head><meta name=\"robots\" content=\"noindex, nofollow\"></head><body><a href=\"/a.html\">a</a></body></html>";
        ExtractedPage page = extractor.extract(html, "http://a.gov.cn/");
        assertThat(page.links()).isEmpty();
        assertThat(page.robotsMeta()).contains("noindex");
        ExtractedPage relNofollow = extractor.extract("<html><body><a rel=\"nofollow\" href=\"/a.html\">a</a><a href=\"/b.html\">b</a></body></html>", "http://a.gov.cn/");
        assertThat(relNofollow.links()).extracting(ExtractedPage.Link::url).containsExactly("http://a.gov.cn/b.html");
    }
}
