package fazhi.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Level;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import fazhi.indexer.schema.IndexSchema;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexingTest {
    @TempDir
    Path dir;

    static Report simple(String id, String text) {
        return TestCorpora.report(id, 2021, LocalDate.of(2022, 1, 1), Level.TOWNSHIP, null,
                new Section("一、主要举措", SectionKind.MEASURES, text));
    }

    static List<Report> marked(List<Report> reports, String phrase) {
        return reports.stream().map(r -> new Report("new-" + r.id(), r.url(), r.urls(), r.title(), r.issuer(), r.level(), r.year(),
                r.published(), r.region(), r.site(), List.of(new Section(null, SectionKind.PREAMBLE, phrase)), null, null)).toList();
    }

    static int committedReports(Path dataDir) throws Exception {
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dataDir)); DirectoryReader reader = DirectoryReader.open(d)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(IndexSchema.DOC_TYPE, IndexSchema.TYPE_REPORT)));
        }
    }

    @Test
    void incrementalRunUpdatesChangedAddsNewAndDeletesWhatLeftTheCorpus() throws Exception {
        CorpusStore corpus = new CorpusStore(dir);
        List<Report> first = List.of(simple("a", "民情茶室"), simple("b", "法律顾问"), simple("c", "放管服"), simple("d", "一网通办"));
        corpus.rewrite("test", first);
        IndexSummary built = new Indexer(dir).index(false, IndexProgress.NONE);
        assertThat(built).extracting(IndexSummary::rebuilt, IndexSummary::reports, IndexSummary::indexed).containsExactly(true, 4, 4);

        try (SearchService service = SearchService.open(dir)) {
            assertThat(service.search(SearchRequest.of("法律顾问")).total()).isEqualTo(1);
            long before = service.version();

            corpus.rewrite("test", List.of(simple("a", "民情茶室"), simple("b", "公职律师"), simple("c", "放管服"), simple("e", "易家小院")));
            IndexSummary updated = new Indexer(dir).index(false, IndexProgress.NONE);
            assertThat(updated).extracting(IndexSummary::rebuilt, IndexSummary::reports, IndexSummary::indexed,
                    IndexSummary::unchanged, IndexSummary::deleted).containsExactly(false, 4, 2, 2, 1);

            assertThat(service.refresh()).isTrue();
            assertThat(service.version()).isNotEqualTo(before);
            assertThat(service.search(SearchRequest.of("法律顾问")).total()).isZero();
            assertThat(service.search(SearchRequest.of("公职律师")).total()).isEqualTo(1);
            assertThat(service.search(SearchRequest.of("一网通办")).total()).isZero();
            assertThat(service.search(SearchRequest.of("易家小院")).hits()).extracting(h -> h.id()).containsExactly("e");
            assertThat(service.reportCount()).isEqualTo(4);
        }
        IndexSummary again = new Indexer(dir).index(false, IndexProgress.NONE);
        assertThat(again).extracting(IndexSummary::indexed, IndexSummary::unchanged, IndexSummary::deleted).containsExactly(0, 4, 0);
        IndexSummary rebuilt = new Indexer(dir).index(true, IndexProgress.NONE);
        assertThat(rebuilt).extracting(IndexSummary::rebuilt, IndexSummary::indexed).containsExactly(true, 4);
        assertThat(committedReports(dir)).isEqualTo(4);
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(d)) {
            assertThat(reader.getIndexCommit().getUserData())
                    .containsEntry(IndexSchema.VERSION_KEY, IndexSchema.VERSION)
                    .containsEntry(IndexSchema.DICTIONARY_KEY, fazhi.indexer.analysis.UserDictionary.shipped().fingerprint())
                    .containsEntry(IndexSchema.TRIGRAM_STARTS_KEY, fazhi.indexer.analysis.TrigramStarts.shipped().fingerprint());
            assertThat(reader.getIndexCommit().getGeneration()).isEqualTo(rebuilt.generation());
        }
    }

    @Test
    void everyDocumentHasTheSectionNormsAndKindNumberButReportsMatchNoSectionTerm() throws Exception {
        CorpusStore corpus = new CorpusStore(dir);
        corpus.rewrite("test", List.of(simple("a", "民情茶室"), simple("b", "法律顾问"), simple("c", "法律顾问")));
        new Indexer(dir).index(false, IndexProgress.NONE);
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(d)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                int maxDoc = leaf.reader().maxDoc();
                // Dense (one value per document) is what makes the per-section lookups of a search direct reads.
                assertThat(leaf.reader().getNormValues(IndexSchema.SECTION_KEY).cost()).isEqualTo(maxDoc);
                assertThat(leaf.reader().getNormValues(IndexSchema.SECTION_RANKING).cost()).isEqualTo(maxDoc);
                org.apache.lucene.index.NumericDocValues kinds = leaf.reader().getNumericDocValues(IndexSchema.SECTION_KIND_NUMBER);
                assertThat(kinds.cost()).isEqualTo(maxDoc);
                org.apache.lucene.util.BitSet reports = new org.apache.lucene.search.join.QueryBitSetProducer(
                        fazhi.indexer.search.QueryTranslator.allReports()).getBitSet(leaf);
                for (int doc = 0; doc < maxDoc; doc++) {
                    assertThat(kinds.advanceExact(doc)).isTrue();
                    assertThat(kinds.longValue() == IndexSchema.NOT_A_SECTION).isEqualTo(reports.get(doc));
                }
                // The empty fields add no term and leave BM25's statistics to the sections alone.
                assertThat(leaf.reader().terms(IndexSchema.SECTION_KEY).getDocCount()).isEqualTo(maxDoc - reports.cardinality());
                assertThat(leaf.reader().terms(IndexSchema.SECTION_RANKING).getDocCount()).isEqualTo(maxDoc - reports.cardinality());
            }
            assertThat(new IndexSearcher(reader).count(fazhi.indexer.search.QueryTranslator.keyQuery("法律顾问"))).isEqualTo(2);
        }
    }

    @Test
    void storedTextsComeBackExactlyFromTheUncompressedCodecWhateverTheirSize() throws Exception {
        // Texts smaller than a chunk, and one several chunks long (read back as consecutive slices).
        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 150_000; i++) {
            huge.append("第").append(i).append("条 聘请法律顾问𠮷 résumé；");
        }
        List<Report> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reports.add(simple("r" + i, "民情茶室第" + i + "号，" + "调解".repeat(i * 50)));
        }
        reports.add(simple("huge", huge.toString()));
        new CorpusStore(dir).rewrite("test", reports);
        new Indexer(dir).index(false, IndexProgress.NONE);
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(d)) {
            for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                assertThat(((org.apache.lucene.index.SegmentReader) leaf.reader()).getSegmentInfo().info.getCodec().getName())
                        .isEqualTo(fazhi.indexer.schema.IndexCodec.NAME);
            }
        }
        try (SearchService service = SearchService.open(dir)) {
            for (Report r : reports) {
                assertThat(service.report(r.id())).get().extracting(Report::sections).isEqualTo(r.sections());
            }
            assertThat(service.search(SearchRequest.of("résumé")).hits()).extracting(h -> h.id()).containsExactly("huge");
        }
    }

    @Test
    void anIndexOfAnotherSchemaVersionIsRefusedBySearchAndRebuiltNotMixed() throws Exception {
        CorpusStore corpus = new CorpusStore(dir);
        corpus.rewrite("test", List.of(simple("a", "民情茶室"), simple("b", "法律顾问")));
        new Indexer(dir).index(false, IndexProgress.NONE);
        // Pretend the committed index was written by the previous schema (bigrams only in the phrase field).
        pretendCommitData(java.util.Map.of(IndexSchema.VERSION_KEY, "7",
                IndexSchema.DICTIONARY_KEY, fazhi.indexer.analysis.UserDictionary.shipped().fingerprint()));
        assertThatThrownBy(() -> SearchService.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("索引结构版本 7").hasMessageContaining("./portal index --data");
        IndexSummary again = new Indexer(dir).index(false, IndexProgress.NONE);
        assertThat(again).extracting(IndexSummary::rebuilt, IndexSummary::indexed, IndexSummary::unchanged).containsExactly(true, 2, 0);
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(d)) {
            assertThat(reader.getIndexCommit().getUserData()).containsEntry(IndexSchema.VERSION_KEY, IndexSchema.VERSION);
        }
        try (SearchService service = SearchService.open(dir)) {
            assertThat(service.search(SearchRequest.of("法律顾问")).total()).isEqualTo(1);
        }
    }

    @Test
    void anIndexBuiltWithOtherTrigramStartsIsRefusedBySearchAndRebuilt() throws Exception {
        CorpusStore corpus = new CorpusStore(dir);
        corpus.rewrite("test", List.of(simple("a", "民情茶室"), simple("b", "法律顾问")));
        new Indexer(dir).index(false, IndexProgress.NONE);
        java.util.Map<String, String> other = new java.util.HashMap<>(IndexSchema.commitData(fazhi.indexer.analysis.UserDictionary.shipped()));
        other.put(IndexSchema.TRIGRAM_STARTS_KEY, "another-list");
        pretendCommitData(other);
        assertThatThrownBy(() -> SearchService.open(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("三字组起点表").hasMessageContaining("another-list");
        IndexSummary again = new Indexer(dir).index(false, IndexProgress.NONE);
        assertThat(again).extracting(IndexSummary::rebuilt, IndexSummary::indexed).containsExactly(true, 2);
        try (SearchService service = SearchService.open(dir)) {
            assertThat(service.search(SearchRequest.of("民情茶室")).total()).isEqualTo(1);
        }
    }

    private void pretendCommitData(java.util.Map<String, String> data) throws IOException {
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir));
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
    }

    @Test
    void aFileCutInsideACharacterIsCountedByItsLinesForTheProgressBar(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        CorpusStore store = new CorpusStore(dir);
        store.append("cut", List.of(
                TestCorpora.report("r1", 2021, LocalDate.of(2022, 1, 1), Level.DISTRICT, null, new Section("一、主要举措", SectionKind.MEASURES, "法治")),
                TestCorpora.report("r2", 2021, LocalDate.of(2022, 1, 2), Level.DISTRICT, null, new Section("一、主要举措", SectionKind.MEASURES, "法治")),
                TestCorpora.report("r3", 2021, LocalDate.of(2022, 1, 3), Level.DISTRICT, null, new Section("一、主要举措", SectionKind.MEASURES, "法治"))));
        Path file = store.files().getFirst();
        byte[] torn = java.util.Arrays.copyOf("{\"id\":\"法".getBytes(StandardCharsets.UTF_8), 9); // cut inside 法
        java.nio.file.Files.write(file, torn, java.nio.file.StandardOpenOption.APPEND);
        long[] expected = {-1};
        IndexSummary summary = new Indexer(dir).index(false, new IndexProgress() {
            @Override
            public void start(long lines) {
                expected[0] = lines;
            }
        });
        assertThat(expected[0]).as("three records and the torn line").isEqualTo(4);
        assertThat(summary.indexed()).isEqualTo(3);
    }

    @Test
    void ramBufferIs256MbUnlessTheHeapIsSmall() {
        assertThat(Indexer.ramBufferMB(6L << 30)).isEqualTo(256);
        assertThat(Indexer.ramBufferMB(512L << 20)).isEqualTo(85);
        assertThat(Indexer.ramBufferMB(32L << 20)).isEqualTo(16);
    }

    @Test
    void aSecondIndexerWhileOneIsWritingIsToldSoAndChangesNothing() throws Exception {
        TestCorpora.index(dir, List.of(simple("a", "民情茶室")));
        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir));
             org.apache.lucene.index.IndexWriter busy = new org.apache.lucene.index.IndexWriter(d,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Indexer(dir).index(true, IndexProgress.NONE))
                    .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("另一个进程");
            busy.rollback();
        }
        assertThat(committedReports(dir)).isEqualTo(1);
    }

    @Test
    void killMinus9DuringRebuildLeavesTheLastCommitReadable() throws Exception {
        List<Report> base = TestCorpora.generated(300, 1);
        TestCorpora.index(dir, base);
        new CorpusStore(dir).append("more", marked(TestCorpora.generated(1500, 2), "重建中的报告"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowRebuild.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        boolean killedMidRun = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("progress ") && Integer.parseInt(line.substring(9)) >= 400) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no IndexWriter.close
                    killedMidRun = true;
                    break;
                }
                assertThat(line).as("child finished before it could be killed").isNotEqualTo("committed");
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killedMidRun).isTrue();

        try (Directory d = FSDirectory.open(Indexer.indexDirectory(dir)); CheckIndex check = new CheckIndex(d)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
        assertThat(committedReports(dir)).isEqualTo(300);
        try (SearchService service = SearchService.open(dir)) {
            assertThat(service.search(SearchRequest.of("重建中的报告")).total()).isZero();
            assertThat(service.search(SearchRequest.of("民情茶室")).total()).isPositive();
        }
        // The killed writer's lock and stray files do not block the next run.
        IndexSummary next = new Indexer(dir).index(false, IndexProgress.NONE);
        assertThat(next.reports()).isEqualTo(1800);
        assertThat(committedReports(dir)).isEqualTo(1800);
    }

    @Test
    void aRunningServiceKeepsAnsweringThroughARebuildAndThenSeesTheNewCommit() throws Exception {
        TestCorpora.index(dir, TestCorpora.generated(300, 5));
        try (SearchService service = SearchService.open(dir)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger queries = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<String> qs = List.of("民情茶室", "法律顾问", "法治", "放管服 OR 一网通办", "新增的报告");
            Thread loop = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    try {
                        SearchRequest request = SearchRequest.builder().q(qs.get(i % qs.size())).page(1 + i % 3).size(10).build();
                        service.search(request);
                        service.report("g" + (i % 300));
                        queries.incrementAndGet();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                    i++;
                }
            });
            loop.start();
            new CorpusStore(dir).append("more", marked(TestCorpora.generated(200, 6), "新增的报告"));
            new Indexer(dir).index(true, IndexProgress.NONE);
            int seenQueriesAtCommit = queries.get();

            // No explicit refresh: the background refresher must pick the commit up.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long found = 0;
            while (System.nanoTime() < deadline && (found = service.search(SearchRequest.of("新增的报告")).total()) == 0) {
                Thread.sleep(50);
            }
            Thread.sleep(200);
            running.set(false);
            loop.join();
            assertThat(failure.get()).as("a query failed during the rebuild").isNull();
            assertThat(seenQueriesAtCommit).isPositive();
            assertThat(queries.get()).isGreaterThan(seenQueriesAtCommit);
            assertThat(found).isEqualTo(200);
            assertThat(service.reportCount()).isEqualTo(500);
        }
    }
}
