package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The query language of design.md on a small corpus written for it, and every kind of hostile input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLanguageTest {
    static final Region YUBEI = new Region("重庆市", null, "渝北区", "统景镇", "500112133");
    static final Region HECHUAN = new Region("重庆市", null, "合川区", "大石街道", "500117007");
    static final String FAR = "。".repeat(3) + "加强队伍建设提升工作能力".repeat(20) + "。";

    List<Report> reports;
    SearchService service;

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        reports = List.of(
                TestCorpora.report("r1", 2021, LocalDate.of(2022, 1, 10), Level.TOWNSHIP, YUBEI,
                        new Section(null, SectionKind.PREAMBLE, "区政府："),
                        new Section("一、主要举措和成效", SectionKind.MEASURES, "聘请法律顾问参与合同审查。"),
                        new Section("二、存在的不足", SectionKind.PROBLEMS, "法律顾问作用发挥不充分。")),
                TestCorpora.report("r2", 2020, LocalDate.of(2021, 3, 1), Level.DISTRICT, HECHUAN,
                        new Section("一、主要举措", SectionKind.MEASURES, "加强公职律师队伍建设，执法公示。")),
                TestCorpora.report("r3", 2021, LocalDate.of(2022, 2, 1), Level.TOWNSHIP, HECHUAN,
                        new Section("一、主要举措", SectionKind.MEASURES, "落实法律顾问制度" + FAR + "规范合同管理。")),
                TestCorpora.report("r4", 2022, LocalDate.of(2023, 2, 1), Level.DISTRICT, YUBEI,
                        new Section("一、主要举措", SectionKind.MEASURES, "探索“民情茶室”工作法。"),
                        new Section("二、存在的问题", SectionKind.PROBLEMS, "个别执法人员执法不规范。")),
                TestCorpora.report("r5", null, null, Level.UNKNOWN, null,
                        new Section(null, SectionKind.PREAMBLE, "<script>alert('x')</script>深入开展“七五”普法，建设民情茶室 & 调解室。")));
        service = TestCorpora.indexAndOpen(dir, reports);
    }

    @AfterAll
    void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    List<String> ids(String q) throws IOException {
        return new ArrayList<>(TestCorpora.ids(service, q));
    }

    @Test
    void bareChineseIsAPhraseAndWhitespaceIsAnd() throws IOException {
        assertThat(ids("民情茶室")).containsExactly("r4", "r5");
        assertThat(ids("民情")).containsExactly("r4", "r5");
        assertThat(ids("茶室民情")).isEmpty(); // the segments in another order are not the phrase
        assertThat(ids("法律顾问 合同")).containsExactly("r1", "r3");
        assertThat(ids("法律顾问 AND 合同")).containsExactly("r1", "r3");
    }

    @Test
    void quotesOrNotAndMinus() throws IOException {
        assertThat(ids("\"法律顾问\" OR 公职律师")).containsExactly("r1", "r2", "r3");
        assertThat(ids("法律顾问 NOT 审查")).containsExactly("r3");
        assertThat(ids("法律顾问 -审查")).containsExactly("r3");
        assertThat(ids("-法律顾问")).containsExactly("r2", "r4", "r5");
        assertThat(ids("(法律顾问 OR 公职律师) -审查")).containsExactly("r2", "r3");
        assertThat(ids("“七五”普法")).containsExactly("r5");
        assertThat(ids("七五普法")).containsExactly("r5");
        assertThat(ids("\"法律顾问 合同\"")).isEmpty(); // one phrase 法律顾问合同: not in any text
    }

    @Test
    void proximityCountsCharactersWithinOneSection() throws IOException {
        assertThat(ids("\"法律顾问 合同\"~10")).containsExactly("r1");
        assertThat(ids("\"合同 法律顾问\"~10")).containsExactly("r1");
        assertThat(ids("\"法律顾问 合同\"~1000")).containsExactly("r1", "r3");
    }

    @Test
    void fieldRestrictions() throws IOException {
        assertThat(ids("section:problems 执法")).containsExactly("r4");
        assertThat(ids("section:measures 执法")).containsExactly("r2");
        assertThat(ids("section:存在的不足和原因 法律顾问")).containsExactly("r1");
        assertThat(ids("section:problems,measures 法律顾问")).containsExactly("r1", "r3");
        assertThat(ids("section:problems")).containsExactly("r1", "r4");
        assertThat(ids("(section:problems 执法) OR 公职律师")).containsExactly("r2", "r4");
        assertThat(ids("year:2021 法律顾问")).containsExactly("r1", "r3");
        assertThat(ids("year:2020-2021")).containsExactly("r1", "r2", "r3");
        assertThat(ids("region:渝北区")).containsExactly("r1", "r4");
        assertThat(ids("region:500117 法律顾问")).containsExactly("r3");
        assertThat(ids("region:重庆市/合川区/大石街道")).containsExactly("r2", "r3");
        assertThat(ids("level:district")).containsExactly("r2", "r4");
    }

    @Test
    void starListsEveryReportAndSingleCharactersWork() throws IOException {
        assertThat(ids("*")).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(ids("")).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(ids("茶")).containsExactly("r4", "r5");
        assertThat(ids("互联网+ 民情")).isEmpty();
        assertThat(ids("民情+")).containsExactly("r4", "r5");
    }

    @Test
    void matchesListTheSectionsThatMatchedWithEscapedHighlights() {
        SearchResult result = service.search(SearchRequest.of("法律顾问"));
        ReportHit r1 = result.hits().stream().filter(h -> h.id().equals("r1")).findFirst().orElseThrow();
        assertThat(r1.matches()).extracting(SectionMatch::kind).containsExactly(SectionKind.MEASURES, SectionKind.PROBLEMS);
        assertThat(r1.matches().getFirst().snippet()).isEqualTo("一、主要举措和成效 聘请<mark>法律顾问</mark>参与合同审查。");
        assertThat(r1.matches().getFirst().snippetText()).isEqualTo("一、主要举措和成效 聘请法律顾问参与合同审查。");

        ReportHit r5 = service.search(SearchRequest.of("民情茶室 七五普法")).hits().getFirst();
        assertThat(r5.id()).isEqualTo("r5");
        String html = r5.matches().getFirst().snippet();
        assertThat(html).doesNotContain("<script").contains("alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("“<mark>七五”普法</mark>", "<mark>民情茶室</mark> &amp; 调解室");
        assertThat(html.replaceAll("</?mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void sectionFacetRestrictsPhrasesAndCountsDrillSideways() {
        SearchRequest request = SearchRequest.builder().q("法律顾问").section("problems").build();
        SearchResult result = service.search(request);
        assertThat(result.hits()).extracting(ReportHit::id).containsExactly("r1");
        assertThat(result.hits().getFirst().matches()).extracting(SectionMatch::kind).containsExactly(SectionKind.PROBLEMS);
        assertThat(result.facets().section()).extracting(f -> f.value() + "=" + f.count() + (f.selected() ? "*" : ""))
                .containsExactly("measures=2", "problems=1*");
    }

    @Test
    void hostileInputGivesResultsOrAClearBadInputError() {
        List<String> inputs = new ArrayList<>(List.of("互联网+", "\"", "“", "*", "**", "?", "法*", "*法", "/法.*/", "~", "~5",
                "\"a b\"~999999999999", "NOT", "NOT NOT 法", "OR", "OR OR", "AND", "法 OR", "OR 法", "(", ")", "((", "))",
                "(法", "法)", ")法(", "-", "+", "--法", "-(法 OR 律)", "section:", "section:nothing 法", "year:abc",
                "year:2021-20x", "region:", "level:planet", "title:法", "a:b", "\\", "\u0000", "\uD800", "😀法治",
                "&&", "||", "! 法", "法 && 律 || 治", "\"\"", "\"\"~3", "\"法律顾问", "法律顾问\"", "'", "法^2", "{法 TO 律}",
                "[1 TO 2]", "法~", "法~2", "section:problems", "NOT section:problems", "year:1800"));
        inputs.add("法".repeat(50_000));
        inputs.add("(".repeat(20_000) + "法" + ")".repeat(20_000));
        inputs.add("(".repeat(200) + "法" + ")".repeat(200));
        inputs.add("NOT ".repeat(100) + "法");
        inputs.add("法 ".repeat(300));
        Random random = new Random(3);
        String alphabet = "法律()\"“”~-+*: ORNTAD顾问s1";
        for (int i = 0; i < 1500; i++) {
            StringBuilder q = new StringBuilder();
            for (int j = random.nextInt(30); j > 0; j--) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(q.toString());
        }
        for (String q : inputs) {
            try {
                SearchResult result = service.search(SearchRequest.of(q));
                assertThat(result.total()).isGreaterThanOrEqualTo(0);
            } catch (BadInputException e) {
                assertThat(e.getMessage()).as(abbreviate(q)).isNotBlank().containsPattern("\\p{IsHan}");
                assertThat(e.httpStatus()).isBetween(400, 499);
            }
        }
    }

    @Test
    void limitsAreExplainedInChinese() {
        assertThatThrownBy(() -> service.search(SearchRequest.of("法".repeat(50_000))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("查询过长").hasMessageContaining("50000");
        assertThatThrownBy(() -> service.search(SearchRequest.of("(".repeat(100) + "法" + ")".repeat(100))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("嵌套过深");
        assertThatThrownBy(() -> service.search(SearchRequest.of("“")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("没有可检索的文字");
        assertThatThrownBy(() -> service.search(SearchRequest.of("section:nothing 法")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("章节类别无效");
        assertThatThrownBy(() -> SearchRequest.builder().year("20x1")).isInstanceOf(BadInputException.class).hasMessageContaining("年份无效");
        assertThatThrownBy(() -> service.search(SearchRequest.builder().q("法").cursor("garbage!").build()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cursor");
    }

    private static String abbreviate(String q) {
        return q.length() > 40 ? q.substring(0, 40) + "…" : q;
    }
}
