package fazhi.indexer.index;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.schema.IndexCodec;
import fazhi.indexer.schema.IndexSchema;
import fazhi.indexer.schema.ReportDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code DIR/index} from {@code DIR/corpus}. Incremental by default: a report whose record is unchanged
 * (same fingerprint) is skipped, a changed or new one replaces its block by id, and reports no longer in the corpus
 * are deleted. {@code rebuild} writes a fresh index (OpenMode.CREATE).
 *
 * <p>Crash safety comes from Lucene's commit protocol: nothing written by this run is visible until the single
 * commit at the end, and the previous commit stays on disk (and readable) until that commit succeeds, so a kill -9
 * at any moment leaves the last committed index. Both cores: records are read on the calling thread and analysed
 * and added by a small pool (IndexWriter is thread-safe and indexes concurrently per thread).
 */
public final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final Path dataDir;
    private final int threads;

    public Indexer(Path dataDir) {
        this(dataDir, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public Indexer(Path dataDir, int threads) {
        this.dataDir = dataDir;
        this.threads = threads;
    }

    public static Path indexDirectory(Path dataDir) {
        return dataDir.resolve("index");
    }

    public IndexSummary index(boolean rebuild, IndexProgress progress) throws IOException {
        CorpusStore corpus = new CorpusStore(dataDir);
        Path indexDir = indexDirectory(dataDir);
        Files.createDirectories(indexDir);
        UserDictionary dictionary = UserDictionary.shipped();
        try (Directory directory = FSDirectory.open(indexDir)) {
            Map<String, String> existing = rebuild ? Map.of() : existingFingerprints(directory, dictionary.fingerprint());
            boolean fresh = rebuild || existing == null;
            if (existing == null) {
                existing = Map.of();
            }
            IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer(dictionary));
            config.setCodec(new IndexCodec());
            config.setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(ramBufferMB(Runtime.getRuntime().maxMemory()));
            config.setCommitOnClose(false);
            try (IndexWriter writer = openWriter(directory, config)) {
                return run(corpus, writer, existing, fresh, progress, dictionary);
            }
        }
    }

    /**
     * IndexWriter's RAM buffer: 256 MB (fewer flushes, so fewer segments to merge, on a corpus of a GB of text),
     * but at most a sixth of the heap, so a small -Xmx still leaves room for the analyzers and the stored fields.
     */
    static double ramBufferMB(long maxHeapBytes) {
        return Math.max(16, Math.min(256, maxHeapBytes / 6 / (1024 * 1024)));
    }

    private static IndexWriter openWriter(Directory directory, IndexWriterConfig config) throws IOException {
        try {
            return new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new BadInputException("index-locked", "索引正被另一个进程写入（index is locked by another indexing process）: " + e.getMessage(), 409);
        }
    }

    private IndexSummary run(CorpusStore corpus, IndexWriter writer, Map<String, String> existing, boolean fresh,
                             IndexProgress progress, UserDictionary dictionary) throws IOException {
        progress.start(countLines(corpus));
        ReportDocuments documents = new ReportDocuments();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger indexed = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        final Map<String, String> known = existing;
        CorpusStore.ReadSummary read;
        try {
            read = corpus.forEach(report -> {
                if (failure.get() != null) {
                    return;
                }
                seen.add(report.id());
                pool.execute(() -> {
                    try {
                        List<Document> block = documents.block(report);
                        String fingerprint = block.getLast().get(IndexSchema.FINGERPRINT);
                        if (fingerprint.equals(known.get(report.id()))) {
                            unchanged.incrementAndGet();
                        } else {
                            writer.updateDocuments(new Term(IndexSchema.REPORT_ID, report.id()), block);
                            indexed.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
                progress.advance();
            });
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        if (failure.get() != null) {
            writer.rollback();
            Throwable t = failure.get();
            throw t instanceof IOException io ? io : new IOException("indexing failed: " + t, t);
        }
        problems.addAll(read.problems());
        int deleted = 0;
        for (String id : existing.keySet()) {
            if (!seen.contains(id)) {
                writer.deleteDocuments(new Term(IndexSchema.REPORT_ID, id));
                deleted++;
            }
        }
        progress.finish(read.reports());
        writer.setLiveCommitData(IndexSchema.commitData(dictionary).entrySet());
        writer.commit();
        long generation = SegmentInfos.getLastCommitGeneration(writer.getDirectory());
        LOG.debug("indexed {} reports ({} changed, {} unchanged, {} deleted)", read.reports(), indexed.get(), unchanged.get(), deleted);
        return new IndexSummary(fresh, read.reports(), indexed.get(), unchanged.get(), deleted, List.copyOf(problems), generation);
    }

    private static void awaitQuietly(ThreadPoolExecutor pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("waiting for indexing threads to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        }
    }

    /**
     * Fingerprints of the reports in the last commit, or null when there is no usable index (none yet, or one of
     * another schema version: that one is rebuilt rather than mixed with new documents).
     */
    private static Map<String, String> existingFingerprints(Directory directory, String dictionaryFingerprint) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            Map<String, String> userData = reader.getIndexCommit().getUserData();
            Optional<String> unsearchable = IndexSchema.unsearchable(userData);
            if (unsearchable.isPresent()) {
                LOG.info("index not searchable by this version ({}): rebuilding", unsearchable.get());
                return null;
            }
            if (!dictionaryFingerprint.equals(userData.get(IndexSchema.DICTIONARY_KEY))) {
                LOG.info("index was analysed with another user dictionary: rebuilding");
                return null;
            }
            Map<String, String> fingerprints = new HashMap<>();
            IndexSearcher searcher = new IndexSearcher(reader);
            Weight weight = searcher.createWeight(new TermQuery(new Term(IndexSchema.DOC_TYPE, IndexSchema.TYPE_REPORT)),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            Set<String> fields = Set.of(IndexSchema.REPORT_ID, IndexSchema.FINGERPRINT);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                StoredFields stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document d = stored.document(doc, fields);
                    fingerprints.put(d.get(IndexSchema.REPORT_ID), d.get(IndexSchema.FINGERPRINT));
                }
            }
            return fingerprints;
        }
    }

    /**
     * Corpus lines, the progress bar's total: newline bytes, counted without decoding, so that a file cut inside a
     * multi-byte character (a killed writer, a full disk) is counted exactly too. Decoding it as text failed there,
     * and the size-based guess that replaced the count was off by a factor of eight on a 3,000-report file.
     */
    private static long countLines(CorpusStore corpus) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path file : corpus.files()) {
            byte last = '\n';
            try (java.io.InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buffer[n - 1];
                }
            }
            if (last != '\n') {
                lines++; // a last line without its line break
            }
        }
        return lines;
    }
}
