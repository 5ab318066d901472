package fazhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.Indexer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal keeps answering while the index is updated, and shows the new commit without a restart. */
class LiveRefreshTest {
    @TempDir
    Path dataDir;

    @Test
    void answersDuringIndexingAndPicksUpTheNewCommit() throws Exception {
        try (TestPortal portal = TestPortal.start(dataDir)) {
            String path = "/api/search?q=" + TestPortal.enc("智慧普法驿站") + "&size=0";
            assertThat(portal.get(path).body()).contains("\"total\":0");

            List<Integer> statuses = new CopyOnWriteArrayList<>();
            AtomicBoolean indexing = new AtomicBoolean(true);
            Thread load = Thread.ofPlatform().start(() -> {
                while (indexing.get()) {
                    try {
                        statuses.add(portal.get("/?q=" + TestPortal.enc("法律顾问")).statusCode());
                    } catch (Exception e) {
                        statuses.add(-1);
                    }
                }
            });
            Report added = new Report("fx-new-2024", "https://www.ybq.gov.cn/new.html", null, "新增报告", "重庆市渝北区统景镇人民政府",
                    Level.TOWNSHIP, 2024, LocalDate.of(2025, 1, 5), new Region("重庆市", null, "渝北区", "统景镇", "500112133"), null,
                    List.of(new Section("一、主要举措和成效", SectionKind.MEASURES, "建成智慧普法驿站3个。")), null, "fx-new");
            new CorpusStore(dataDir).append("added", List.of(added));
            new Indexer(dataDir).index(false, IndexProgress.NONE);
            indexing.set(false);
            load.join();
            assertThat(statuses).isNotEmpty().containsOnly(200);

            long deadline = System.nanoTime() + 10_000_000_000L;
            HttpResponse<String> res = portal.get(path);
            while (!res.body().contains("\"total\":1") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                res = portal.get(path);
            }
            assertThat(res.body()).contains("\"total\":1");
            assertThat(portal.get("/report/fx-new-2024").statusCode()).isEqualTo(200);
        }
    }
}
