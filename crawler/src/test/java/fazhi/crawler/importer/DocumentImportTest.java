package fazhi.crawler.importer;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.understand.ReportUnderstanding;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./portal import} of saved pages and documents goes through the crawler's extraction. */
class DocumentImportTest {
    @TempDir
    Path dir;

    static String resource(String path) throws Exception {
        try (InputStream in = DocumentImportTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void htmlPdfAndDocxFilesBecomeReports() throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        StringBuilder paragraphs = new StringBuilder();
        resource("/fazhi/crawler/crawl/reports/dashi-2023.txt").lines().forEach(l -> paragraphs.append("<p>").append(l).append("</p>\n"));
        String page = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>大石街道办事处2023年法治政府建设年度报告_重庆市合川区人民政府</title>
                <meta name="SiteIDCode" content="5001170002"></head><body><div>发布时间：2024-02-20</div>
                <div id="zoom">%s</div><div id="footer">网站标识码：5001170002</div></body></html>""".formatted(paragraphs);
        Files.write(files.resolve("dashi.htm"), page.getBytes(Charset.forName("GB18030")));
        try (InputStream pdf = getClass().getResourceAsStream("/fazhi/crawler/crawl/files/shuanghe-2020.pdf")) {
            Files.write(files.resolve("shuanghe.pdf"), pdf.readAllBytes());
        }
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            resource("/fazhi/crawler/crawl/reports/miaoba-2020.txt").lines().forEach(l -> doc.createParagraph().createRun().setText(l));
            doc.write(out);
            Files.write(files.resolve("miaoba.docx"), out.toByteArray());
        }
        Files.writeString(files.resolve("notice.html"), "<html><head><title>停水通知</title></head><body><p>明日停水。</p></body></html>");

        LocalImporter.ImportSummary summary = new LocalImporter(new ReportUnderstanding(), new CorpusStore(dir)).importPaths(List.of(files));
        assertThat(summary.filesRead()).isEqualTo(4);
        assertThat(summary.rejected()).containsOnlyKeys(files.resolve("notice.html"));
        List<Report> reports = new CorpusStore(dir).readAll();
        assertThat(reports).hasSize(3);

        Report dashi = reports.stream().filter(r -> r.url().endsWith("dashi.htm")).findFirst().orElseThrow();
        assertThat(dashi.title()).isEqualTo("大石街道办事处2023年法治政府建设年度报告");
        assertThat(dashi.year()).isEqualTo(2023);
        assertThat(dashi.published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(dashi.site().idCode()).isEqualTo("5001170002");
        assertThat(dashi.bodyText()).contains("刘喆").doesNotContain("网站标识码");

        Report shuanghe = reports.stream().filter(r -> r.url().endsWith("shuanghe.pdf")).findFirst().orElseThrow();
        assertThat(shuanghe.issuer()).isEqualTo("重庆市荣昌区人民政府双河街道办事处");
        assertThat(shuanghe.year()).isEqualTo(2020);

        Report miaoba = reports.stream().filter(r -> r.url().endsWith("miaoba.docx")).findFirst().orElseThrow();
        assertThat(miaoba.year()).isEqualTo(2020);
        assertThat(miaoba.issuer()).isEqualTo("城口县庙坝镇人民政府");
    }
}
