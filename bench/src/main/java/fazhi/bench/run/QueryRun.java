package fazhi.bench.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a list of queries with N concurrent clients (threads taking the next query from a shared counter, each
 * query once) and records every latency, overall and per kind, and per query (for the pairwise peer ratios).
 */
final class QueryRun {
    /** Executes one query; returns a number to keep (the service's total, or the HTTP body size). */
    @FunctionalInterface
    interface Target {
        long execute(BenchQuery query) throws Exception;
    }

    /**
     * @param jitMillis      time the JVM's JIT compilers spent compiling during the run (-1: not measurable here)
     * @param clientCpuNanos CPU time of the client threads over the run, summed (-1: not measurable here). Over HTTP
     *                       it is what the client costs, since it runs on the same cores as the server; in process the
     *                       clients run the searches themselves, so it is most of the searches' CPU
     */
    record Result(String name, int clients, int queries, long wallMillis, Latencies all, Map<BenchQuery.Kind, Latencies> byKind,
                  long[] nanos, long[] values, int errors, String firstError, long jitMillis, long clientCpuNanos) {
        double throughput() {
            return queries * 1000.0 / Math.max(1, wallMillis);
        }

        /** JIT compilation time as a share of the run's wall time (compiler threads summed; -1 when unknown). */
        double jitShare() {
            return jitMillis < 0 ? -1 : jitMillis / (double) Math.max(1, wallMillis);
        }

        /** Client CPU per query in ms (-1 when unknown). */
        double clientCpuMillisPerQuery() {
            return clientCpuNanos < 0 ? -1 : clientCpuNanos / 1e6 / Math.max(1, queries);
        }
    }

    /** Accumulated JIT compilation time in ms, or -1 when the JVM does not measure it. */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private QueryRun() {
    }

    static Result run(String name, List<BenchQuery> queries, int clients, Target target) {
        Latencies all = new Latencies();
        Map<BenchQuery.Kind, Latencies> byKind = new EnumMap<>(BenchQuery.Kind.class);
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            byKind.put(kind, new Latencies());
        }
        long[] nanos = new long[queries.size()];
        long[] values = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = {null};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuMeasured = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();
        long jitBefore = jitMillis();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long cpuStart = cpuMeasured ? threads.getCurrentThreadCpuTime() : 0;
                    try {
                        take(queries, next, target, nanos, values, errors, firstError, all, byKind);
                    } finally {
                        if (cpuMeasured) {
                            clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("query run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        long jitAfter = jitMillis();
        return new Result(name, clients, queries.size(), wall, all, byKind, nanos, values, errors.get(), firstError[0],
                jitBefore < 0 || jitAfter < 0 ? -1 : jitAfter - jitBefore, cpuMeasured ? clientCpu.get() : -1);
    }

    /** One client: takes the next query from the shared counter until none is left. */
    private static void take(List<BenchQuery> queries, AtomicInteger next, Target target, long[] nanos, long[] values,
                             AtomicInteger errors, String[] firstError, Latencies all, Map<BenchQuery.Kind, Latencies> byKind) {
        for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
            BenchQuery q = queries.get(i);
            long t0 = System.nanoTime();
            try {
                values[i] = target.execute(q);
            } catch (Exception e) {
                // A failed query is counted, not timed: its latency would flatter the percentiles.
                values[i] = -1;
                nanos[i] = -1;
                if (errors.getAndIncrement() == 0) {
                    firstError[0] = q.describe() + ": " + e;
                }
                continue;
            }
            long t = System.nanoTime() - t0;
            nanos[i] = t;
            all.record(t);
            byKind.get(q.kind()).record(t);
        }
    }
}
