package fazhi.core.understand;

import static fazhi.core.model.SectionKind.LEADERSHIP;
import static fazhi.core.model.SectionKind.MEASURES;
import static fazhi.core.model.SectionKind.PLANS;
import static fazhi.core.model.SectionKind.PREAMBLE;
import static fazhi.core.model.SectionKind.PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The sample corpus (samples/seeds: 9 reports in 5 files) understood heading by heading. */
class SampleReportsTest {
    static final Path SEEDS = Path.of("..", "samples", "seeds");

    static List<Report> understand(String prefix) throws IOException {
        try (var files = Files.list(SEEDS)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            Understanding result = Shared.UNDERSTANDING.understand(PageEvidence.ofText(file.toUri().toString(), Files.readString(file)));
            assertThat(result.rejection()).isNull();
            return result.reports();
        }
    }

    static Tuple s(String heading, SectionKind kind) {
        return Tuple.tuple(heading, kind);
    }

    static void assertSections(Report report, Tuple... expected) {
        assertThat(report.sections()).extracting(Section::heading, Section::kind).containsExactly(expected);
    }

    /** Together the section texts hold every line of the report between its title and the site footer. */
    static void assertWholeBody(Report report, String source) {
        String key = TextNormalizer.instance().phraseKey(report.bodyText());
        for (String line : source.lines().map(l -> TextNormalizer.instance().phraseKey(l)).filter(l -> !l.isEmpty()).toList()) {
            if (!line.contains("网站标识码") && !line.startsWith("日期") && !List.of("分享文章到", "文件下载", "相关文档", "政策原文", "附件下载").contains(line)
                    && !line.startsWith("主办") && !line.startsWith("邮编") && !line.startsWith("地址") && !line.startsWith("抄送")
                    && (report.title() == null || !TextNormalizer.instance().phraseKey(report.title()).contains(line))) {
                assertThat(key).as("body keeps: " + line).contains(line);
            }
        }
    }

    @Test
    void shuanghe2020BasicSituationHoldsTheFirstResponsiblePerson() throws IOException {
        Report r = understand("000_").get(0);
        assertSections(r, s(null, PREAMBLE), s("一、基本情况", LEADERSHIP), s("二、主要做法", MEASURES), s("三、存在不足", PROBLEMS),
                s("四、下一步工作计划", PLANS));
        assertThat(r.title()).isEqualTo("关于开展法治政府建设情况的报告");
        assertThat(r.level()).isEqualTo(Level.TOWNSHIP);
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "荣昌区", "双河街道", "500153004"));
        assertThat(r.sections().get(2).text()).contains("（三）扎实推进基层法治建设。").contains("努力构建完整的法治政府格局。");
        assertWholeBody(r, Files.readString(SEEDS.resolve("000_1b2a058df45ae992.txt")));
    }

    @Test
    void tongjing2021MarkdownHeadings() throws IOException {
        Report r = understand("001_").get(0);
        assertSections(r, s(null, PREAMBLE), s("一、2021 年推进法治政府建设的主要举措和成效", MEASURES),
                s("二、2021 年主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", LEADERSHIP),
                s("三、2021年推进法治政府建设存在的不足和原因", PROBLEMS), s("四、2022年推进法治政府建设的工作思路目标举措", PLANS));
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "渝北区", "统景镇", "500112133"));
        assertThat(r.year()).isEqualTo(2021);
        assertThat(r.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        // Sub-headings and 一是…三是 stay inside their top-level section, without markdown.
        assertThat(r.sections().get(1).text()).contains("（七）强化基层治理，依法妥善化解矛盾纠纷情况").contains("三是推动解决问题情况。")
                .doesNotContain("**").doesNotContain("##");
        assertWholeBody(r, Files.readString(SEEDS.resolve("001_0ee4100453a46043.txt")).replace("**", "").replaceAll("(?m)^#+ ", ""));
    }

    @Test
    void dashi2023() throws IOException {
        Report r = understand("002_").get(0);
        assertSections(r, s(null, PREAMBLE), s("一、街道党政主要负责人推进法治政府建设总体情况", LEADERSHIP),
                s("二、2023年度法治政府建设的主要举措和成效", MEASURES), s("三、2023年度法治政府建设存在的主要问题", PROBLEMS),
                s("四、2024年度推动法治政府建设主要工作思路和打算", PLANS));
        assertThat(r.region().code()).isEqualTo("500117007");
        assertThat(r.level()).isEqualTo(Level.TOWNSHIP);
        assertThat(r.published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertWholeBody(r, Files.readString(SEEDS.resolve("002_d65170fbc663b67e.txt")));
    }

    @Test
    void miaoba2020TitleBrokenOverTwoLines() throws IOException {
        Report r = understand("004_").get(0);
        assertThat(r.title()).isEqualTo("城口县庙坝镇人民政府2020年法治政府建设工作情况报告");
        assertSections(r, s(null, PREAMBLE), s("一、工作开展情况", MEASURES), s("二、存在的主要问题", PROBLEMS),
                s("三、下步整改思路", PLANS), s("四、对确保2021年我镇基本建成法治政府提出意见建议", PLANS));
        assertThat(r.region()).isEqualTo(new Region("重庆市", null, "城口县", "庙坝镇", "500229104"));
    }

    @Test
    void fiveFanwenReports() throws IOException {
        List<Report> pieces = understand("003_");
        assertThat(pieces).hasSize(5);
        assertSections(pieces.get(0), s(null, PREAMBLE), s("一、20xx年法治政府建设基本情况", MEASURES),
                s("二、20xx年法治政府建设中存在的问题", PROBLEMS), s("三、20xx年法治政府建设重点工作计划", PLANS));
        assertSections(pieces.get(1), s(null, PREAMBLE), s("一、20xx年工作情况", MEASURES), s("二、存在问题与不足", PROBLEMS),
                s("三、20xx年工作安排", PLANS));
        assertSections(pieces.get(2), s(null, PREAMBLE), s("一、全面贯彻落实法治建设决策要求", MEASURES),
                s("二、依法全面正确履行政府职能", MEASURES), s("三、完善依法行政制度体系", MEASURES),
                s("四、推进行政决策科学化、民主化和法治化", MEASURES), s("五、严格规范公正文明执法", MEASURES),
                s("六、深入推进行政执法“三项制度”改革工作", MEASURES), s("七、强化对行政权力的制约和监督", MEASURES),
                s("八、依法有效化解社会矛盾纠纷", MEASURES), s("九、全面提高政府工作人员法治思维和依法行政能力", MEASURES));
        assertSections(pieces.get(3), s(null, PREAMBLE), s("一、20xx年法治政府建设基本情况", MEASURES),
                s("二、存在的主要问题和不足", PROBLEMS), s("三、20xx年工作思路", PLANS));
        assertSections(pieces.get(4), s(null, PREAMBLE), s("一、20xx年工作总结", MEASURES), s("二、20xx年工作思路", PLANS));
        assertThat(pieces).allSatisfy(r -> {
            assertThat(r.year()).isNull();
            assertThat(r.issuer()).isNull();
            assertThat(r.region().isUnknown()).isTrue();
            assertThat(r.title()).startsWith("区人民政府法治政府建设工作总结5篇【篇");
        });
        assertThat(pieces.get(1).sections().get(1).text()).contains("1.法治政府建设全局性工作统筹实施。");
    }
}
