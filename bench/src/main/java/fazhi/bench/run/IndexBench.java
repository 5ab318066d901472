package fazhi.bench.run;

import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.IndexSummary;
import fazhi.indexer.index.Indexer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A full rebuild of {@code DIR/index} by the real indexer, timed, with CPU, heap and size. */
final class IndexBench {
    record Result(int reports, long millis, long cpuMillis, int cores, long indexBytes, long peakHeap, LiveHeap.Collected heap,
                  long heapBefore) {
        /** Average number of cores busy during the build (process CPU time / wall time). */
        double coresBusy() {
            return cpuMillis < 0 ? Double.NaN : (double) cpuMillis / Math.max(1, millis);
        }
    }

    private IndexBench() {
    }

    static Result run(Path dataDir) throws IOException {
        long heapBefore = HeapProbe.usedAfterGc();
        HeapProbe.resetPeaks();
        long cpu0 = HeapProbe.processCpuNanos();
        long start = System.nanoTime();
        IndexSummary summary;
        LiveHeap.Collected heap;
        try (LiveHeap liveHeap = new LiveHeap()) {
            summary = new Indexer(dataDir).index(true, IndexProgress.NONE);
            heap = liveHeap.snapshot();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpu1 = HeapProbe.processCpuNanos();
        long peak = HeapProbe.peakSinceReset();
        if (!summary.problems().isEmpty()) {
            System.err.println("bench: indexer skipped " + summary.problems().size() + " records, e.g. " + summary.problems().getFirst());
        }
        return new Result(summary.reports(), millis, cpu0 < 0 ? -1 : (cpu1 - cpu0) / 1_000_000,
                Runtime.getRuntime().availableProcessors(), size(Indexer.indexDirectory(dataDir)), peak, heap, heapBefore);
    }

    /** What {@code --reuse-index} did: an incremental run of the real indexer, which analyses only changed reports. */
    record Reuse(int reports, int analysed, boolean rebuilt, long millis, long indexBytes) {
    }

    static Reuse reuse(Path dataDir) throws IOException {
        long start = System.nanoTime();
        IndexSummary summary = new Indexer(dataDir).index(false, IndexProgress.NONE);
        return new Reuse(summary.reports(), summary.indexed(), summary.rebuilt(), (System.nanoTime() - start) / 1_000_000,
                size(Indexer.indexDirectory(dataDir)));
    }

    /**
     * Reads every file of the index once, so that the queries find it in the page cache, as on a server that has been
     * answering for a while: the peers' files, built just before, compete for the cache, and a figure should never
     * measure the disk without saying so. The report gives the bytes and the time (a fast read means the index was
     * cached already). Returns the bytes read.
     */
    static long readOnce(Path dataDir) throws IOException {
        return readTree(Indexer.indexDirectory(dataDir));
    }

    /** Reads every file under {@code path} (or the file itself) once, so that it is in the page cache; returns bytes read. */
    static long readTree(Path path) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    total += n;
                }
            }
        }
        return total;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file Lucene deleted meanwhile
                }
            }).sum();
        }
    }
}
