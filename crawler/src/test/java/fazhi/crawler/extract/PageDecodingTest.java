package fazhi.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecodingTest {
    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final String TEXT = "朱镕基、王喆、李堃参加法治政府建设年度报告会。";

    static byte[] page(String head, Charset charset) {
        return ("<html><head>" + head + "</head><body><p>" + TEXT + "</p></body></html>").getBytes(charset);
    }

    @Test
    void gb2312DeclaredOnlyInMetaDecodesAsGb18030() {
        // 镕 喆 堃 are outside GB2312: Java's GB2312 decoder would make them U+FFFD.
        PageDecoding.Decoded d = PageDecoding.decode(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", GB18030), "text/html");
        assertThat(d.text()).contains(TEXT).doesNotContain("\uFFFD");
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(d.source()).isEqualTo("meta");
    }

    @Test
    void html5MetaCharset() {
        PageDecoding.Decoded d = PageDecoding.decode(page("<meta charset=\"GBK\">", GBK), null);
        assertThat(d.text()).contains(TEXT);
    }

    @Test
    void httpHeaderWinsOverMeta() {
        PageDecoding.Decoded d = PageDecoding.decode(page("<meta charset=\"gbk\">", StandardCharsets.UTF_8), "text/html; charset=UTF-8");
        assertThat(d.text()).contains(TEXT);
        assertThat(d.source()).isEqualTo("http-header");
    }

    @Test
    void aWrongDeclarationIsNotBelievedWhenTheBytesDisagree() {
        PageDecoding.Decoded d = PageDecoding.decode(page("<meta charset=\"utf-8\">", GB18030), "text/html; charset=utf-8");
        assertThat(d.text()).contains(TEXT).doesNotContain("\uFFFD");
    }

    @Test
    void byteOrderMark() {
        byte[] body = page("", StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        PageDecoding.Decoded d = PageDecoding.decode(withBom, "text/html");
        assertThat(d.text()).startsWith("<html>").contains(TEXT);
        assertThat(d.source()).isEqualTo("bom");
    }

    @Test
    void undeclaredGbkIsDetected() {
        PageDecoding.Decoded d = PageDecoding.decode(page("<title>报告</title>", GBK), "text/html");
        assertThat(d.text()).contains(TEXT);
        assertThat(d.charset()).isEqualTo(GB18030);
    }

    @Test
    void labelsOfTheGbFamilyAllMeanGb18030() {
        for (String label : new String[] {"gb2312", "GB_2312-80", "GBK", "x-gbk", "cp936", "gb18030"}) {
            assertThat(PageDecoding.charsetNamed(label)).contains(GB18030);
        }
        assertThat(PageDecoding.charsetNamed("no-such-charset")).isEmpty();
    }
}
