package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.indexer.analysis.Synonyms;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.index.Indexer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The section facet counted in one pass over the matching sections equals the plain way (one count of the query
 * restricted to each kind) for every query shape the one-pass plan accepts, over several segments with deleted
 * documents; queries with a negation keep the plain way.
 */
class SectionKindCounterTest {
    private static final String[] SENTENCES = {"推进法治政府建设。", "落实法律顾问制度。", "开展矛盾纠纷调解。", "严格行政执法三项制度。",
        "法治宣传教育深入人心。", "民情茶室化解纠纷。"};

    private static final List<SearchRequest> ONE_PASS = List.of(
            SearchRequest.of(""),
            SearchRequest.of("法治"),
            SearchRequest.of("法律顾问"),
            SearchRequest.of("法治 调解"),
            SearchRequest.of("法律顾问 OR 民情茶室"),
            SearchRequest.of("\"法治 纠纷\"~20"),
            SearchRequest.of("section:problems 法治"),
            SearchRequest.of("section:problems,plans"),
            SearchRequest.of("(section:problems 法治) OR 调解"),
            SearchRequest.of("法治 year:2021"),
            SearchRequest.of("法治 year:2020-2022 level:township"),
            SearchRequest.of("* 法治"),
            SearchRequest.of("year:2021"),
            SearchRequest.builder().q("法治").section("problems").build(),
            SearchRequest.builder().q("调解").year("2020").year("2022").build(),
            SearchRequest.builder().q("").region("重庆市/渝北区").level("township").build(),
            SearchRequest.builder().q("纠纷 宣传").region("四川省").region("北京市/海淀区/中关村街道").year("2021").build());

    private static final List<SearchRequest> PER_KIND = List.of(
            SearchRequest.of("法治 -调解"),
            SearchRequest.of("法治 OR year:2021"),
            SearchRequest.of("NOT 法律顾问"));

    @Test
    void onePassEqualsOneCountPerKind(@TempDir Path dir) throws IOException {
        SectionedCorpus.indexTwice(dir, 160, 11, SENTENCES, 3);
        try (var directory = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            assertThat(reader.hasDeletions()).isTrue();
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                check(new IndexSearcher(reader));
                // The same counts with the segments spread over threads (as the search service runs them).
                IndexSearcher sliced = new SlicedSearcher(reader, threads);
                assertThat(sliced.getSlices().length).isGreaterThan(1);
                check(sliced);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void check(IndexSearcher searcher) throws IOException {
        QueryTranslator translator = new QueryTranslator(UserDictionary.shipped(), Synonyms.shipped(),
                new QueryBitSetProducer(QueryTranslator.allReports()));
        FacetCounter counter = new FacetCounter(translator);
        for (SearchRequest request : ONE_PASS) {
            QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
            long[] plain = counter.sectionCountsPerKind(searcher, request, parsed);
            assertThat(Arrays.stream(plain).sum()).as("a query that counts something: " + request.toQueryString()).isPositive();
            assertThat(counter.sectionCountsOnePass(searcher, request, parsed)).as(request.toQueryString())
                    .hasValueSatisfying(onePass -> assertThat(onePass).as(request.toQueryString()).containsExactly(plain));
        }
        for (SearchRequest request : PER_KIND) {
            QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
            assertThat(counter.sectionCountsOnePass(searcher, request, parsed)).as(request.toQueryString()).isEmpty();
        }
    }
}
