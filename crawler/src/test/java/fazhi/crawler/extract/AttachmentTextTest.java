package fazhi.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Tika reads the report attachments: a PDF printed from the 双河 report, a DOCX written here with POI. */
class AttachmentTextTest {
    private final AttachmentText text = new AttachmentText();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = AttachmentTextTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void pdfLinesBrokenInsideSentencesAreJoinedBack() throws IOException {
        String body = text.extract(resource("/fazhi/crawler/crawl/files/shuanghe-2020.pdf"), "W020200918.pdf");
        List<String> lines = body.lines().toList();
        assertThat(lines.subList(0, 3)).containsExactly("重庆市荣昌区人民政府双河街道办事处", "关于开展法治政府建设情况的报告", "区政府：");
        assertThat(lines.get(3)).startsWith("2020年是党的十八大").endsWith("现就双河街道2020年度法治政府建设情况报告如下：");
        assertThat(lines).contains("一、基本情况");
        assertThat(body).doesNotContain("\uFFFD");
    }

    @Test
    void docxParagraphsStayParagraphs() throws IOException {
        String report = new String(resource("/fazhi/crawler/crawl/reports/miaoba-2020.txt"), StandardCharsets.UTF_8).strip();
        String body;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            report.lines().forEach(line -> doc.createParagraph().createRun().setText(line));
            doc.write(out);
            body = text.extract(out.toByteArray(), "report.docx");
        }
        assertThat(body.lines().toList()).isEqualTo(report.lines().toList());
    }

    @Test
    void garbageIsAnIoErrorNotACrash() {
        assertThatThrownBy(() -> text.extract("%PDF-1.4 this is not really a pdf".getBytes(StandardCharsets.US_ASCII), "broken.pdf"))
                .isInstanceOf(IOException.class);
    }
}
