package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.indexer.analysis.Synonyms;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.index.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass search page equals the general one (block joins, drill-sideways, a section-facet pass) on every
 * figure — total, every facet, the hits in order with their exact scores — for conjunction queries under every
 * kind of request (section selection, facet filters, sorts, pages), over several segments with deletions, on a
 * plain and on a sliced, threaded searcher; other query shapes are left to the general path.
 */
class OnePassSearchTest {
    private static final String[] SENTENCES = {"推进法治政府建设，法治宣传教育深入人心。", "落实法律顾问制度，聘请法律顾问12名。",
        "开展矛盾纠纷调解，调解纠纷614起。", "严格行政执法三项制度。", "法治", "民情茶室化解纠纷。", "宣传教育", "依法行政水平不断提高。"};

    private static final List<String> CONJUNCTIONS = List.of("法治", "法律顾问", "民情茶室", "法治 调解", "纠纷 宣传 教育",
            "\"法治 纠纷\"~20", "section:problems 法治", "section:problems,plans 调解 法治", "法治 year:2021",
            "调解 level:township region:重庆市", "614起");
    private static final List<String> GENERAL = List.of("法治 -调解", "法治 OR 调解", "year:2021", "", "* 法治", "(法治 调解) 宣传");

    private static List<SearchRequest.Builder> variants(String q) {
        return List.of(
                SearchRequest.builder().q(q),
                SearchRequest.builder().q(q).section("problems"),
                SearchRequest.builder().q(q).section("measures").section("plans").sort("date"),
                SearchRequest.builder().q(q).year("2020").year("2022"),
                SearchRequest.builder().q(q).region("重庆市/渝北区").level("township").sort("region"),
                SearchRequest.builder().q(q).year("2021").region("四川省").level("district").page(2).size(7));
    }

    @Test
    void onePassEqualsTheGeneralPathOnEveryFigure(@TempDir Path dir) throws IOException {
        SectionedCorpus.indexTwice(dir, 200, 21, SENTENCES, 8);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (var directory = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            assertThat(reader.hasDeletions()).isTrue();
            for (IndexSearcher searcher : List.of(new IndexSearcher(reader), new SlicedSearcher(reader, threads))) {
                QueryTranslator translator = new QueryTranslator(UserDictionary.shipped(), Synonyms.shipped(),
                        new QueryBitSetProducer(QueryTranslator.allReports()));
                FacetCounter counter = new FacetCounter(translator);
                int compared = 0;
                for (String q : CONJUNCTIONS) {
                    for (SearchRequest.Builder b : variants(q)) {
                        compared += compare(searcher, translator, counter, b.build()) ? 1 : 0;
                    }
                }
                assertThat(compared).as("requests with at least one hit").isGreaterThan(40);
                for (String q : GENERAL) {
                    SearchRequest request = SearchRequest.of(q);
                    assertThat(counter.countOnePass(searcher, request, translator.parse(q), null, true)).as(q).isEmpty();
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Compares both paths for one request; true when it had hits on its page. */
    private static boolean compare(IndexSearcher searcher, QueryTranslator translator, FacetCounter counter, SearchRequest request)
            throws IOException {
        String what = request.toQueryString();
        QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
        var query = counter.drillDown(translator.translate(parsed, request.sections()).reportQuery(), request);
        Sort sort = SearchService.sort(request.sort());
        int depth = request.page() * request.size();
        FacetCounter.Counts general = counter.count(searcher, request, query, parsed, new TopFieldCollectorManager(sort, depth, null, Integer.MAX_VALUE));
        Optional<FacetCounter.Counts> one = counter.countOnePass(searcher, request, parsed,
                new TopFieldCollectorManager(sort, depth, null, Integer.MAX_VALUE), sort.needsScores());
        assertThat(one).as(what).isPresent();
        assertThat(one.get().total()).as("total " + what).isEqualTo(general.total());
        assertThat(FacetCounterTest.show(one.get().facets())).as("facets " + what).isEqualTo(FacetCounterTest.show(general.facets()));
        assertThat(FacetsAndPagingTest.show(one.get().facets().section())).as("section facet " + what)
                .isEqualTo(FacetsAndPagingTest.show(general.facets().section()));
        assertThat(hits(one.get().top().scoreDocs)).as("hits " + what).isEqualTo(hits(general.top().scoreDocs));
        return general.top().scoreDocs.length > 0;
    }

    /** Each hit as its document and sort values (the score, exactly, for relevance order). */
    private static List<String> hits(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(d -> d.doc + Arrays.deepToString(((FieldDoc) d).fields)).toList();
    }
}
