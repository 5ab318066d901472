package fazhi.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.SectionKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts, decisions and script independence of the whole component on small pages. */
class ReportUnderstandingTest {
    static final ReportUnderstanding understanding = Shared.UNDERSTANDING;

    static PageEvidence page(String title, String body) {
        return new PageEvidence("https://www.example.gov.cn/a.html", title, body, null, null, null, null, null, null, List.of());
    }

    static final String BODY = """
            区政府：
            现将2021年度法治政府建设情况报告如下：
            一、主要举措和成效
            （一）加强领导。一是学习。
            二、存在的不足和原因
            学习不够深入。
            三、下一年度主要安排
            继续推进。
            重庆市渝北区统景镇人民政府
            2022年1月10日
            """;

    @Test
    void traditionalTitleGivesTheSameFieldsAsSimplified() {
        ReportFacts simplified = understanding.readFacts(page("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", BODY));
        ReportFacts traditional = understanding.readFacts(page("重慶市渝北區統景鎮人民政府２０２１年法治政府建設年度報告", BODY));
        assertThat(traditional.year()).isEqualTo(simplified.year()).isEqualTo(2021);
        assertThat(traditional.level()).isEqualTo(simplified.level()).isEqualTo(Level.TOWNSHIP);
        assertThat(traditional.region()).isEqualTo(simplified.region()).isEqualTo(new Region("重庆市", null, "渝北区", "统景镇", "500112133"));
        assertThat(traditional.published()).isEqualTo(simplified.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        // Display text keeps the original script.
        assertThat(traditional.title()).isEqualTo("重慶市渝北區統景鎮人民政府２０２１年法治政府建設年度報告");
        assertThat(traditional.issuer()).isEqualTo("重慶市渝北區統景鎮人民政府");
    }

    @Test
    void yearIsTheYearReportedOnNeverAGuess() {
        assertThat(understanding.readFacts(page("关于2022年度法治政府建设情况的报告", "2023年3月1日")).year()).isEqualTo(2022);
        assertThat(understanding.readFacts(page("二〇二一年度法治政府建设情况报告", "正文")).year()).isEqualTo(2021);
        assertThat(understanding.readFacts(page("统景镇 2021 年法治政府建设年度报告", "正文")).year()).isEqualTo(2021);
        assertThat(understanding.readFacts(page("xx区20xx年法治政府建设工作总结", "2021年，xx区…")).year()).isNull();
        assertThat(understanding.readFacts(page("法治政府建设情况报告", "按照要求，现将我镇2023年法治政府建设情况报告如下")).year()).isEqualTo(2023);
        assertThat(understanding.readFacts(page("法治政府建设实施纲要（2021—2025年）解读", "正文")).year()).isNull();
    }

    @Test
    void issuerFromSignatureWhenTheTitleHasNone() {
        ReportFacts facts = understanding.readFacts(page("关于2021年度法治政府建设情况的报告", BODY));
        assertThat(facts.issuer()).isEqualTo("重庆市渝北区统景镇人民政府");
        assertThat(facts.region().code()).isEqualTo("500112133");
    }

    @Test
    void levels() {
        assertThat(understanding.readFacts(page("重庆市渝北区司法局2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(understanding.readFacts(page("重庆市教育委员会2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(understanding.readFacts(page("成都市人民政府2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.CITY);
        assertThat(understanding.readFacts(page("都江堰市人民政府2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.DISTRICT);
        assertThat(understanding.readFacts(page("四川省人民政府2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.PROVINCE);
        assertThat(understanding.readFacts(page("2022年法治政府建设年度报告", "")).level()).isEqualTo(Level.UNKNOWN);
    }

    @Test
    void issuerInTrailingBracketsOfAnyKindAndBureausNamedByTheirLevelWord() {
        ReportFacts bracketed = understanding.readFacts(page("关于2023年度法治政府建设工作情况的报告【历下区人民政府】", ""));
        assertThat(bracketed.issuer()).isEqualTo("历下区人民政府");
        assertThat(bracketed.level()).isEqualTo(Level.DISTRICT);
        assertThat(understanding.readFacts(page("2022年法治政府建设年度报告〔统景镇人民政府〕", "")).issuer()).isEqualTo("统景镇人民政府");
        // A bureau on its own government's site names its division by the level word only; its place comes from the site.
        ReportFacts bureau = understanding.readFacts(new PageEvidence("https://www.example.gov.cn/a.html", "区司法局2022年法治政府建设年度报告", "",
                null, null, null, "5001050001", null, null, List.of()));
        assertThat(bureau.issuer()).isEqualTo("区司法局");
        assertThat(bureau.level()).isEqualTo(Level.DEPARTMENT);
        assertThat(bureau.region()).isEqualTo(new Region("重庆市", null, "江北区", null, "500105"));
        // A government is not named by its level word: 区人民政府 of an anonymised page is no issuer.
        assertThat(understanding.readFacts(page("区人民政府法治政府建设工作总结", "")).issuer()).isNull();
    }

    @Test
    void aLineThatIsNoHeadingStartsThePreamble() {
        assertThat(understanding.classifyHeading("渝北区人民政府：", "2021年，统景镇……现将有关情况报告如下。")).isEqualTo(SectionKind.PREAMBLE);
        assertThat(understanding.classifyHeading("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", "区政府：")).isEqualTo(SectionKind.PREAMBLE);
        assertThat(understanding.classifyHeading("一是加强学习", "")).isEqualTo(SectionKind.PREAMBLE);
        assertThat(understanding.classifyHeading("**二、存在的不足**", "")).isEqualTo(SectionKind.PROBLEMS);
        assertThat(understanding.classifyHeading("（一）坚持依法全面履行政府职能", "")).isEqualTo(SectionKind.MEASURES);
    }

    @Test
    void pagesWithoutReportTextAreRejected() {
        assertThat(understanding.understand(page("2022年度法治政府建设情况报告", "附件：2022年度法治政府建设情况报告.pdf")).rejection().code())
                .isEqualTo("attachment-only");
        // The title repeated above the link, the link on its own line, a size note, chrome around it: still no text.
        assertThat(understanding.understand(page(null, """
                2022年度法治政府建设情况报告
                发布日期：2023-03-28
                附件：
                统景镇2022年度法治政府建设情况报告.docx（35.5KB）
                """)).rejection().code()).isEqualTo("attachment-only");
        // A report that also links its attachment is a report.
        assertThat(understanding.understand(page("2022年度法治政府建设情况报告", BODY + "附件：2022年度法治政府建设情况报告.pdf")).isReport()).isTrue();
        // A column page is named like a report but lists reports with dates and a pager.
        assertThat(understanding.understand(page("法治政府建设年度报告",
                "2023年度法治政府建设情况报告 2024-02-20 2022年度法治政府建设情况报告 2023-03-28 共2条 首页 上一页 1 下一页 尾页"))
                .rejection().code()).isEqualTo("not-a-report");
    }

    @Test
    void newsThatNeverTouchesTheLawIsOffTopicWhateverItsVerb() {
        assertThat(understanding.understand(page("统景镇开展森林防火应急演练", "11月8日，统景镇组织开展森林防火应急演练。")).rejection().code())
                .isEqualTo("off-topic");
        assertThat(understanding.understand(page("统景镇开展行政执法培训", "11月8日，统景镇组织执法人员开展培训。")).rejection().code())
                .isEqualTo("work-news");
        assertThat(understanding.understand(page("我区顺利通过全国法治政府建设示范区实地评估", "近日，评估组来我区开展实地评估。")).rejection().code())
                .isEqualTo("work-news");
        assertThat(understanding.understand(page("法治进校园 护航助成长", "近日，街道走进辖区小学开展法治教育讲座。")).rejection().code())
                .isEqualTo("publicity-news");
    }

    @Test
    void lookAlikesAreRejectedWithStableCodes() {
        assertThat(understanding.understand(page("重庆市渝北区2022年政府信息公开工作年度报告", "本报告根据条例编制。")).rejection().code())
                .isEqualTo("info-disclosure-report");
        assertThat(understanding.understand(page("2023年法治政府建设工作要点", "为深入推进法治政府建设，制定本要点。")).rejection().code())
                .isEqualTo("work-plan");
        assertThat(understanding.understand(page("《2022年法治政府建设年度报告》解读", "一、起草背景")).rejection().code())
                .isEqualTo("policy-interpretation");
        Understanding.Rejection news = understanding.understand(page("统景镇开展宪法宣传周法治宣传活动", "12月4日，统景镇开展宪法宣传。")).rejection();
        assertThat(news.code()).isEqualTo("publicity-news");
        assertThat(news.reason()).contains("法治宣传");
        assertThat(understanding.understand(page("任意", "  \n ")).rejection().code()).isEqualTo("empty");
    }

    @Test
    void acceptedReportCarriesSiteAndSections() {
        Understanding result = understanding.understand(new PageEvidence("http://www.ybq.gov.cn/jz/tjz/202201/t20220110_1.html",
                "重庆市渝北区统景镇人民政府2021年法治政府建设年度报告", BODY, LocalDate.of(2022, 1, 12), "统景镇", "重庆市渝北区人民政府",
                "5001120001", null, "500112", List.of()));
        assertThat(result.isReport()).isTrue();
        Report r = result.reports().get(0);
        assertThat(r.published()).isEqualTo(LocalDate.of(2022, 1, 12));
        assertThat(r.site().idCode()).isEqualTo("5001120001");
        assertThat(r.sections()).hasSize(4);
        assertThat(r.id()).isEqualTo(r.contentHash().substring(0, 16));
    }

    @Test
    void trsPageWithTitleAboveItsMetadataTable() {
        String body = """
                重庆市渝北区统景镇人民政府2021年法治政府建设年度报告
                索引号：11500112009355543U/2022-00001　发布机构：统景镇
                成文日期：2022-01-10　发布日期：2022-01-12
                区政府：
                现将统景镇2021年度法治政府建设推进情况报告如下：
                一、主要举措和成效
                正文。
                """;
        Report r = understanding.understand(new PageEvidence("http://www.ybq.gov.cn/jz/tjz/202201/t20220112_1.html", null, body, null,
                null, null, null, null, null, List.of())).reports().get(0);
        assertThat(r.published()).isEqualTo(LocalDate.of(2022, 1, 12));
        assertThat(r.title()).isEqualTo("重庆市渝北区统景镇人民政府2021年法治政府建设年度报告");
        assertThat(r.sections().get(0).text()).isEqualTo("区政府：\n现将统景镇2021年度法治政府建设推进情况报告如下：");
        assertThat(r.region().code()).isEqualTo("500112133");
    }
}
