package fazhi.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @Test
    void sessionIdsAndTrackingParametersGo() {
        assertThat(normalizer.filter("HTTP://WWW.YBQ.GOV.CN:80/a/./b/../c.html;jsessionid=ABC123?utm_source=wechat&id=7&spm=a.b#top"))
                .isEqualTo("http://www.ybq.gov.cn/a/c.html?id=7");
        assertThat(normalizer.filter("http://x.gov.cn/list.jsp?PHPSESSID=1&page=2")).isEqualTo("http://x.gov.cn/list.jsp?page=2");
    }
}
