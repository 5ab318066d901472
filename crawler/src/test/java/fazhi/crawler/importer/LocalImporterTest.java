package fazhi.crawler.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import fazhi.core.understand.ReportUnderstanding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the bundled sample corpus (samples/seeds, the real reports of shared/corpus/seeds). */
class LocalImporterTest {
    static final Path SEEDS = Path.of("..", "samples", "seeds");

    @TempDir
    static Path data;

    static List<Report> reports;

    @BeforeAll
    static void importSeeds() throws Exception {
        LocalImporter importer = new LocalImporter(new ReportUnderstanding(), new CorpusStore(data));
        LocalImporter.ImportSummary summary = importer.importPaths(List.of(SEEDS));
        assertThat(summary.filesRead()).isEqualTo(5);
        assertThat(summary.rejected()).isEmpty();
        reports = new CorpusStore(data).readAll();
    }

    static Report byUrlPart(String part) {
        return reports.stream().filter(r -> r.url().contains(part)).findFirst().orElseThrow();
    }

    @Test
    void nineReportsFromFiveFiles() {
        assertThat(reports).hasSize(9);
        assertThat(reports).extracting(Report::id).doesNotHaveDuplicates();
    }

    @Test
    void tongjing2021() {
        Report r = byUrlPart("001_");
        assertThat(r.title()).isEqualTo("重庆市渝北区统景镇人民政府 2021 年法治政府建设年度报告");
        assertThat(r.issuer()).isEqualTo("重庆市渝北区统景镇人民政府");
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(r.sections()).extracting(s -> s.kind()).startsWith(SectionKind.PREAMBLE, SectionKind.MEASURES);
        assertThat(r.sections().get(1).heading()).isEqualTo("一、2021 年推进法治政府建设的主要举措和成效");
        assertThat(r.bodyText()).contains("民情茶室");
        assertThat(r.level()).isEqualTo(Level.TOWNSHIP);
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "渝北区", "统景镇", "500112133"));
    }

    @Test
    void dashi2023() {
        Report r = byUrlPart("002_");
        assertThat(r.year()).isEqualTo(2023);
        assertThat(r.published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(r.issuer()).isEqualTo("大石街道办事处");
        // 大石街道 exists in three provinces; the footer's 网站标识码 5001170002 places it in 合川区.
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "合川区", "大石街道", "500117007"));
        assertThat(r.site().idCode()).isEqualTo("5001170002");
        assertThat(r.bodyText()).doesNotContain("网站标识码").doesNotContain("分享文章到");
    }

    @Test
    void shuanghe2020() {
        Report r = byUrlPart("000_");
        assertThat(r.issuer()).isEqualTo("重庆市荣昌区人民政府双河街道办事处");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.published()).isEqualTo(LocalDate.of(2020, 9, 18));
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "荣昌区", "双河街道", "500153004"));
    }

    @Test
    void miaoba2020() {
        Report r = byUrlPart("004_");
        assertThat(r.title()).isEqualTo("城口县庙坝镇人民政府2020年法治政府建设工作情况报告");
        assertThat(r.issuer()).isEqualTo("城口县庙坝镇人民政府");
        assertThat(r.year()).isEqualTo(2020);
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "城口县", "庙坝镇", "500229104"));
    }

    @Test
    void anonymisedFanwenReportsHaveUnknownYearAndRegion() {
        List<Report> pieces = reports.stream().filter(r -> r.url().contains("003_")).toList();
        assertThat(pieces).hasSize(5);
        assertThat(pieces).allSatisfy(r -> {
            assertThat(r.year()).isNull();
            assertThat(r.region().isUnknown()).isTrue();
            assertThat(r.issuer()).isNull();
        });
    }

    @Test
    void reimportIsIdempotent() throws Exception {
        new LocalImporter(new ReportUnderstanding(), new CorpusStore(data)).importPaths(List.of(SEEDS));
        assertThat(new CorpusStore(data).readAll()).hasSize(9);
    }

    @Test
    void missingPathIsBadInput() {
        assertThatThrownBy(() -> new LocalImporter(new ReportUnderstanding(), new CorpusStore(data)).importPaths(List.of(Path.of("/no/such"))))
                .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("/no/such");
    }
}
