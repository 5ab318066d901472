package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Level;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Ranking: BM25 on smartcn, synonyms only reorder, a named section kind ranks first; recall stays literal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingTest {
    static final String FILLER = "坚持统筹谋划，压实工作责任，加强督促检查，";
    SearchService service;

    static fazhi.core.model.Report one(String id, SectionKind kind, String text) {
        return TestCorpora.report(id, 2021, LocalDate.of(2022, 1, 1), Level.DISTRICT, null, new Section("一、工作", kind, text));
    }

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        service = TestCorpora.indexAndOpen(dir, List.of(
                one("literal", SectionKind.MEASURES, "全面落实三项制度。"),
                one("expanded", SectionKind.MEASURES, "全面落实三项制度，行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度全面推行。"),
                one("synonymOnly", SectionKind.MEASURES, "推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。"),
                one("gapInMeasures", SectionKind.MEASURES, "法治意识仍有不足，" + FILLER),
                one("gapInProblems", SectionKind.PROBLEMS, "法治意识仍有不足，" + FILLER),
                one("once", SectionKind.MEASURES, "建设民情茶室，" + FILLER.repeat(2)),
                one("thrice", SectionKind.MEASURES, "建设民情茶室，民情茶室覆盖全镇，民情茶室成效明显，" + FILLER)));
    }

    @AfterAll
    void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    List<String> order(String q) {
        return service.search(SearchRequest.of(q)).hits().stream().map(ReportHit::id).toList();
    }

    @Test
    void synonymsReorderButNeverWidenTheLiteralMatches() {
        // "literal" is much shorter, so plain BM25 would rank it first; the synonyms lift "expanded" above it.
        assertThat(order("三项制度")).containsExactly("expanded", "literal");
        assertThat(order("行政执法公示制度")).containsExactlyInAnyOrder("expanded", "synonymOnly");
    }

    @Test
    void aPhraseNamingASectionKindRanksThatKindFirst() {
        assertThat(order("不足")).containsExactly("gapInProblems", "gapInMeasures");
    }

    @Test
    void moreOccurrencesRankHigher() {
        assertThat(order("民情茶室")).containsExactly("thrice", "once");
    }
}
