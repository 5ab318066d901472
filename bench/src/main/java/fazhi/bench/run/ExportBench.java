package fazhi.bench.run;

import fazhi.indexer.render.SearchCsv;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CSV export through the same path as the web's /export.csv and {@code ./portal search --format csv}
 * ({@link SearchCsv#writeAll} over {@link SearchService#export}), written to a sink that counts bytes and CSV rows.
 * Heap: used after a full GC before the export, the largest heap left after any collection during it (what the
 * export kept reachable), and the heap pools' peak (an upper bound that includes garbage); the same export of a
 * tenth of the reports shows whether these grow with the result.
 */
final class ExportBench {
    record Result(String query, long reportLimit, long reports, long rows, long bytes, long millis, long heapBefore,
                  long peakHeap, long liveMax, long collections, long heapAfter) {
        double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }

        long peakGrowth() {
            return peakHeap - heapBefore;
        }
    }

    private ExportBench() {
    }

    /**
     * The same export {@code times} times in a row, summed up as one result: the time of the median run, and heap
     * figures over all runs (the largest heap left after a collection, the largest pool peak, every collection).
     * Why: a tenth-size export lasts a fifth of a second at 100k, so one collection or compile burst in a single run
     * moved its rows/s by a third (r47: 45.5k against 57–69k rows/s in the runs around it).
     */
    static Result median(SearchService service, String q, long limit, int times) throws IOException {
        List<Result> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            runs.add(run(service, q, limit));
        }
        return summarize(runs);
    }

    /** Runs of one export in their order, as one result (see {@link #median}). */
    static Result summarize(List<Result> runs) {
        Result middle = runs.stream().sorted(Comparator.comparingLong(Result::millis)).toList().get(runs.size() / 2);
        return new Result(middle.query(), middle.reportLimit(), middle.reports(), middle.rows(), middle.bytes(), middle.millis(),
                runs.getFirst().heapBefore(),
                runs.stream().mapToLong(Result::peakHeap).max().orElseThrow(),
                runs.stream().mapToLong(Result::liveMax).max().orElseThrow(),
                runs.stream().mapToLong(Result::collections).sum(), runs.getLast().heapAfter());
    }

    static Result run(SearchService service, String q, long limit) throws IOException {
        SearchRequest request = SearchRequest.builder().q(q).build();
        long before = HeapProbe.usedAfterGc();
        HeapProbe.resetPeaks();
        CountingSink sink = new CountingSink();
        long reports;
        long millis;
        LiveHeap.Collected heap;
        try (LiveHeap liveHeap = new LiveHeap()) {
            long start = System.nanoTime();
            reports = SearchCsv.writeAll(service, request, limit, sink);
            millis = (System.nanoTime() - start) / 1_000_000;
            heap = liveHeap.snapshot();
        }
        long peak = HeapProbe.peakSinceReset();
        long after = HeapProbe.usedAfterGc();
        return new Result(q, limit, reports, sink.rows - 1, sink.bytes, millis, before, peak, heap.maxAfterAny(), heap.collections(),
                after); // rows minus the header row
    }

    /** Counts bytes and CSV records (CRLF outside quoted cells); keeps nothing. */
    private static final class CountingSink extends OutputStream {
        long bytes;
        long rows;
        private boolean quoted;
        private boolean cr;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '"') {
                quoted = !quoted; // "" inside a quoted cell toggles twice
            } else if (!quoted && cr && b == '\n') {
                rows++;
            }
            cr = !quoted && b == '\r';
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
