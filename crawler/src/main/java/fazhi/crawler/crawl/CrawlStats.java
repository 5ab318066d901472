package fazhi.crawler.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters shared by the crawler threads; read by the progress display and turned into the {@link CrawlSummary}. */
final class CrawlStats {
    final AtomicLong fetched = new AtomicLong();
    final LongAdder reportsNew = new LongAdder();
    final LongAdder reportsNewUrl = new LongAdder();
    final LongAdder unchanged = new LongAdder();
    final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> capped = new ConcurrentHashMap<>();
    final Map<String, LongAdder> fetchedByHost = new ConcurrentHashMap<>();

    void reject(String code) {
        rejected.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void cap(String kind) {
        capped.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void fetchedFrom(String host) {
        fetched.incrementAndGet();
        fetchedByHost.computeIfAbsent(host, k -> new LongAdder()).increment();
    }

    static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
