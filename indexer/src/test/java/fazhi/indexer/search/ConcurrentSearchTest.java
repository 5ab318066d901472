package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once: searches wait their turn (at most one per core computes) and get exactly the answer they get
 * alone; a search that fails (bad input) gives its turn back, so failures cannot starve the searches after them.
 */
class ConcurrentSearchTest {
    private static final String[] SENTENCES = {"推进法治政府建设。", "落实法律顾问制度。", "开展矛盾纠纷调解。", "严格行政执法三项制度。",
        "法治宣传教育深入人心。", "民情茶室化解纠纷。"};

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a permit never given back makes the searches after it wait forever
    void concurrentSearchesAnswerAsAloneAndFailuresReleaseTheirTurn(@TempDir Path dir) throws Exception {
        SectionedCorpus.indexTwice(dir, 120, 5, SENTENCES, 3);
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : List.of("法治", "法律顾问", "法治 调解", "纠纷 OR 宣传", "section:problems 法治", "")) {
            requests.add(SearchRequest.of(q));
            requests.add(SearchRequest.builder().q(q).year("2021").page(2).size(5).build());
            requests.add(SearchRequest.builder().q(q).region("重庆市").sort("date").build());
        }
        List<String> alone = new ArrayList<>();
        try (SearchService service = SearchService.open(dir)) {
            for (SearchRequest r : requests) {
                alone.add(show(service.search(r)));
            }
        }
        try (SearchService service = SearchService.open(dir)) { // a fresh service: nothing cached
            int cores = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < cores * 3; i++) {
                assertThatThrownBy(() -> service.search(SearchRequest.of("section:nothing 法"))).isInstanceOf(BadInputException.class);
            }
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (SearchRequest r : requests) {
                        answers.add(clients.submit(() -> show(service.search(r))));
                    }
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get())
                            .as(requests.get(i % requests.size()).toQueryString()).isEqualTo(alone.get(i % requests.size()));
                }
            } finally {
                clients.shutdownNow();
            }
        }
    }

    private static String show(SearchResult r) {
        return r.total() + " " + r.hits().stream().map(h -> h.id() + ":" + h.score()).toList() + " "
                + FacetsAndPagingTest.show(r.facets().year()) + FacetsAndPagingTest.show(r.facets().section());
    }
}
