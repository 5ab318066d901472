package fazhi.bench.run;

import fazhi.indexer.render.SearchCsv;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.IOException;
import java.io.OutputStream;

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

    static Result run(SearchService service, String q, long limit) throws IOException {
        SearchRequest request = SearchRequest.builder().q(q).build();
        long before = HeapProbe.usedAfterGc();
        HeapProbe.resetPeaks();
        CountingSink sink = new CountingSink();
        long reports;
        long millis;
        long live;
        long collections;
        try (LiveHeap liveHeap = new LiveHeap()) {
            long start = System.nanoTime();
            reports = SearchCsv.writeAll(service, request, limit, sink);
            millis = (System.nanoTime() - start) / 1_000_000;
            live = liveHeap.maxAfterGc();
            collections = liveHeap.collections();
        }
        long peak = HeapProbe.peakSinceReset();
        long after = HeapProbe.usedAfterGc();
        return new Result(q, limit, reports, sink.rows - 1, sink.bytes, millis, before, peak, live, collections, after); // minus the header row
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
