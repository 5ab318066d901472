package fazhi.bench.run;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.indexer.search.SearchService;
import fazhi.web.PortalServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ./portal bench}: on the corpus of one data directory, in one run, measures index build (and the analyzer
 * ceiling), query latency and throughput in process and over HTTP, the same phrase queries on SQLite FTS5 (trigram)
 * and ripgrep with the result sets compared, and CSV export; returns the results as Markdown.
 *
 * <p>Work files (FTS5 database, ripgrep texts, server log) go to {@code DIR/bench/}; the index is rebuilt in
 * {@code DIR/index}.
 */
public final class Bench {
    /**
     * Disjoint mixes run before the measured ones, one after the other: first at 2 clients until latency has stopped
     * falling ({@link #settled}) and the JIT compilers have gone quiet ({@link #jitQuiet}: the last four mixes), at
     * least {@link #MIN_WARM_UP_MIXES} and at most half of the mixes; then at the measured concurrency until the JIT
     * is quiet over the last {@link #CONCURRENT_QUIET_MIXES} mixes; at most this many in all. How long latency takes
     * to settle depends on the corpus: on the 100k corpus, measuring 16 fresh mixes in a row after 4 warm-up mixes,
     * the p50 went 6.5, 6.7, 4.6, then stayed between 2.8 and 5.4 ms; on the 10k corpus it went 1.95, 1.80, 1.63,
     * 1.51 and was still falling twelve mixes later (1.09–1.32 ms). The JIT takes longer, over HTTP most (Jetty,
     * Javalin, Jackson and the HTTP client are compiled too), because code run once per request is compiled by C2
     * only after thousands of requests: on the 100k index over HTTP at 16 clients, 110 mixes in a row after 1,500
     * warm-up queries, the compilers were busy for 469–1,135 ms of mixes lasting 0.7–0.9 s over the first 15 mixes,
     * still 0–497 ms (bursts) over mixes 30–60, and throughput rose from about 210 to about 330 queries/s by mix 80;
     * only after about 88 mixes (15,000 queries) were eight mixes in a row under 10 % together. Four quiet mixes are
     * not enough: r31 stopped after four with 5, 33, 0 and 4 % and its measured run compiled for 53 % of its time.
     * The figures are meant for a server that has been running; each warm-up mix's p50 and JIT share are reported,
     * so the plateau can be checked.
     */
    static final int MAX_WARM_UP_MIXES = 192;
    static final int MIN_WARM_UP_MIXES = 8;

    /**
     * Mixes measured in one run at the measured concurrency (one mix at 1 client). Why: the p99 of one mix of 175 is
     * its second-slowest query, so one compile burst or collection decides it (at 100k, 16 clients over HTTP, one mix:
     * 83.0–106 ms in the same code's runs, with the JIT compiling for 0–25 % of the run); over four mixes it is the
     * seventh-slowest of 700, of the same composition.
     */
    static final int CONCURRENT_MIXES = 4;

    /** Where the measured runs' mixes start: in process at 1 client and at the concurrency, then the same over HTTP. */
    private static final int IN_PROCESS_ONE = 0;
    private static final int IN_PROCESS_MANY = IN_PROCESS_ONE + 1;
    private static final int HTTP_ONE = IN_PROCESS_MANY + CONCURRENT_MIXES;
    private static final int HTTP_MANY = HTTP_ONE + 1;

    /** Measured mixes, all before the warm-up's. */
    static final int MEASURED_MIXES = HTTP_MANY + CONCURRENT_MIXES;

    /**
     * What to run.
     *
     * @param phrasesPerMix  phrase queries per mix (each mix also has a quarter as many AND, section-filter and
     *                       year+region queries); disjoint mixes: {@link #MEASURED_MIXES} measured, and up to
     *                       {@link #MAX_WARM_UP_MIXES} for warming up
     * @param peerQueries    how many of the measured phrase queries also run on FTS5 and ripgrep
     * @param http           also measure over HTTP: the real portal ({@link PortalServer}) on 127.0.0.1 and a free port,
     *                       in this JVM, over its own freshly opened search service (its own, cold caches)
     */
    public record Options(Path dataDir, long seed, int phrasesPerMix, int peerQueries, int concurrentClients,
                          long analyzerSampleChars, String rg, boolean http, String exportPhrase, boolean reuseIndex) {
        /** Sizes that would measure nothing (no phrase query, no client) are refused before any work starts. */
        public Options {
            if (phrasesPerMix < 1) {
                throw new BadInputException("bad-phrases", "--phrases 必须是正整数：" + phrasesPerMix);
            }
            if (peerQueries < 0) {
                throw new BadInputException("bad-peer-queries", "--peer-queries 不能为负数：" + peerQueries);
            }
            if (concurrentClients < 1 || analyzerSampleChars < 1) {
                throw new BadInputException("bad-bench-options", "并发客户端数和分析样本长度必须是正整数");
            }
        }

        public static Options defaults(Path dataDir) {
            return new Options(dataDir, 42, 100, 100, 16, 8_000_000, "rg", true, "法治", false);
        }

        /**
         * Keep an index that is already current (incremental indexing: reports whose record is unchanged are not
         * analysed again) instead of timing a rebuild: for re-measuring queries on a large corpus after a query-side
         * change. The index-build figures are then not measured.
         */
        public Options withReuseIndex(boolean reuse) {
            return new Options(dataDir, seed, phrasesPerMix, peerQueries, concurrentClients, analyzerSampleChars, rg, http,
                    exportPhrase, reuse);
        }

        public Options withHttp(boolean on) {
            return new Options(dataDir, seed, phrasesPerMix, peerQueries, concurrentClients, analyzerSampleChars,
                    rg, on, exportPhrase, reuseIndex);
        }

        public Options withSizes(int phrases, int peers, long sampleChars) {
            return new Options(dataDir, seed, phrases, peers, concurrentClients, sampleChars, rg, http, exportPhrase, reuseIndex);
        }

        public Options withSeed(long newSeed) {
            return new Options(dataDir, newSeed, phrasesPerMix, peerQueries, concurrentClients, analyzerSampleChars,
                    rg, http, exportPhrase, reuseIndex);
        }
    }

    /** The run's figures: Markdown for people, and the agreement verdict for the smoke test. */
    public record Outcome(String markdown, int phraseQueriesCompared, List<String> disagreements, boolean httpMeasured,
                          int reports, AnalyzerBench.TokenCheck tokenCheck) {
        public boolean setsAgree() {
            return disagreements.isEmpty();
        }
    }

    private Bench() {
    }

    public static Outcome run(Options options, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        Log log = message -> out.printf("bench [%5.0f s] %s%n", (System.nanoTime() - t0) / 1e9, message);
        Path dataDir = options.dataDir();
        if (new CorpusStore(dataDir).files().isEmpty()) {
            throw new BadInputException("no-corpus", "数据目录中没有语料：" + dataDir.resolve("corpus") + "（先运行 ./portal generate --reports N --data " + dataDir + "）");
        }
        Path work = dataDir.resolve("bench");
        Files.createDirectories(work);
        String rgVersion = RipgrepPeer.version(options.rg());
        Machine machine = Machine.current();
        Instant started = Instant.now();
        BenchReport report = new BenchReport(machine, started, rgVersion);

        log.println("reading the corpus, building the FTS5 database and the ripgrep files ...");
        Fts5Peer[] fts5Holder = new Fts5Peer[1];
        RipgrepPeer[] rgHolder = new RipgrepPeer[1];
        CorpusScan.Result scan = CorpusScan.run(dataDir, work, options.rg(), options.seed(), options.analyzerSampleChars(),
                fts5Holder, rgHolder);
        report.corpus(scan, IndexBench.size(dataDir.resolve("corpus")), IndexBench.size(fts5Holder[0].file()),
                IndexBench.size(rgHolder[0].root()));
        log.println(String.format("%d reports, %.1f M chars; FTS5 built in %.1f s, rg files in %.1f s", scan.reports(),
                scan.indexedChars() / 1e6, scan.fts5Millis() / 1000.0, scan.rgMillis() / 1000.0));
        if (scan.reports() == 0) { // nothing to sample queries from or to measure: say so, not an index error later
            fts5Holder[0].close();
            throw new BadInputException("no-reports", "语料中没有可读的报告：" + dataDir.resolve("corpus")
                    + "（每行应为一份报告的 JSON 记录；可用 ./portal generate --reports N --data " + dataDir + " 生成）");
        }

        AnalyzerBench.Sample sample = AnalyzerBench.Sample.of(scan.analyzerSample());
        log.println("analyzer throughput on a " + sample.chars() / 1_000_000 + " M char sample ...");
        report.analyzers(AnalyzerBench.run(sample, machine.cores()));
        log.println("smartcn's tokens compared with SmartcnTokenizer's on the sample ...");
        AnalyzerBench.TokenCheck tokenCheck = AnalyzerBench.compareWithSmartcn(sample);
        report.tokenCheck(tokenCheck);

        if (options.reuseIndex()) {
            log.println("updating the index incrementally (--reuse-index) ...");
            IndexBench.Reuse reuse = IndexBench.reuse(dataDir);
            report.indexReused(reuse);
            log.println(String.format("index up to date after %.1f s (%d reports analysed again)", reuse.millis() / 1000.0, reuse.analysed()));
        } else {
            log.println("rebuilding the index ...");
            IndexBench.Result index = IndexBench.run(dataDir);
            log.println("smartcn alone again, after the build ...");
            report.index(index, scan, AnalyzerBench.smartcnAgain(sample));
            log.println(String.format("index built in %.1f s", index.millis() / 1000.0));
        }

        long readStart = System.nanoTime();
        long indexRead = IndexBench.readOnce(dataDir);
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        log.println(String.format("index files read once (%.1f GB in %.1f s)", indexRead / 1e9, readMillis / 1000.0));
        List<List<BenchQuery>> mixes = scan.sampler().mixes(MEASURED_MIXES + MAX_WARM_UP_MIXES, options.phrasesPerMix());
        List<List<BenchQuery>> warmUp = warmUpMixes(mixes, scan.warmUpSampler().mixes(MAX_WARM_UP_MIXES, options.phrasesPerMix()));
        report.mix(mixes.get(IN_PROCESS_ONE), MIN_WARM_UP_MIXES, MAX_WARM_UP_MIXES, indexRead, readMillis);
        try (Fts5Peer fts5 = fts5Holder[0]; SearchService service = SearchService.open(dataDir)) {
            QueryRun.Target inProcess = q -> service.search(q.request()).total();
            log.println("in-process queries ...");
            report.warmUp("in-process", warmUp(warmUp, inProcess, options.concurrentClients()), options.concurrentClients());
            QueryRun.Result one = QueryRun.run("in-process", mixes.get(IN_PROCESS_ONE), 1, inProcess);
            QueryRun.Result many = QueryRun.run("in-process", concurrentMixes(mixes, IN_PROCESS_MANY), options.concurrentClients(), inProcess);
            report.queries(one);
            report.queries(many);

            log.println("the same phrase queries on FTS5 and ripgrep, result sets compared ...");
            PeerComparison peers = comparePeers(service, fts5, rgHolder[0], mixes.get(IN_PROCESS_ONE), one, options);
            report.peers(peers, scan.reports());

            log.println("CSV export ...");
            // A 100k-row result: every report (one row each) up to 100k reports, and a common phrase (one row per
            // matching section, about five per report) over up to 20k reports; each also at a tenth, to see the heap.
            List<ExportBench.Result> exports = new ArrayList<>();
            long browse = Math.min(scan.reports(), 100_000);
            long phrase = Math.min(scan.reports(), 20_000);
            // Warm-up, both row shapes, until the JIT has gone quiet over a pair (as for the queries): the exports
            // run code the searches did not, and its compiling otherwise lands in the measured exports.
            // Quiet means two pairs in a row: one quiet pair between compile bursts is common (r38 stopped at eight
            // pairs with 27 % in the last and measured its 98k-row export 25 % below the other runs).
            int warmUpPairs = 0;
            int quietPairs = 0;
            double warmUpJit;
            do {
                long jitBefore = QueryRun.jitMillis();
                long start = System.nanoTime();
                ExportBench.run(service, "", Math.max(1, browse / 10));
                ExportBench.run(service, options.exportPhrase(), Math.max(1, phrase / 10));
                long wall = (System.nanoTime() - start) / 1_000_000;
                warmUpJit = jitBefore < 0 ? -1 : (QueryRun.jitMillis() - jitBefore) / (double) Math.max(1, wall);
                warmUpPairs++;
                quietPairs = warmUpJit <= JIT_QUIET_SHARE ? quietPairs + 1 : 0;
            } while (warmUpPairs < MAX_EXPORT_WARM_UPS && quietPairs < QUIET_EXPORT_PAIRS);
            exports.add(ExportBench.median(service, "", Math.max(1, browse / 10), EXPORT_RUNS));
            exports.add(ExportBench.median(service, "", browse, EXPORT_RUNS));
            exports.add(ExportBench.median(service, options.exportPhrase(), Math.max(1, phrase / 10), EXPORT_RUNS));
            exports.add(ExportBench.median(service, options.exportPhrase(), phrase, EXPORT_RUNS));
            report.exports(exports, warmUpPairs, warmUpJit);

            boolean http = false;
            service.close(); // the portal gets its own service below: cold caches, as after a server start
            if (!options.http()) {
                report.httpSkipped("not requested (--no-http)");
            } else {
                log.println("HTTP queries against the portal ...");
                try (SearchService portalSearch = SearchService.open(dataDir);
                     PortalServer server = PortalServer.start(portalSearch, 0)) {
                    HttpSearchClient client = new HttpSearchClient(server.url(), options.concurrentClients(), 120_000);
                    QueryRun.Target overHttp = q -> client.search(q.request().toQueryString());
                    report.warmUp("HTTP /api/search", warmUp(warmUp, overHttp, options.concurrentClients()), options.concurrentClients());
                    report.queries(QueryRun.run("HTTP /api/search", mixes.get(HTTP_ONE), 1, overHttp));
                    report.queries(QueryRun.run("HTTP /api/search", concurrentMixes(mixes, HTTP_MANY), options.concurrentClients(), overHttp));
                    http = true;
                }
            }
            report.finish(Instant.now());
            return new Outcome(report.markdown(), peers.compared(), peers.disagreements(), http, scan.reports(), tokenCheck);
        }
    }

    /** The {@link #CONCURRENT_MIXES} mixes from {@code first} as one run (a small corpus may leave some empty). */
    static List<BenchQuery> concurrentMixes(List<List<BenchQuery>> mixes, int first) {
        List<BenchQuery> run = new ArrayList<>();
        for (List<BenchQuery> mix : mixes.subList(first, first + CONCURRENT_MIXES)) {
            run.addAll(mix);
        }
        return run;
    }

    /**
     * The warm-up mixes: those of the measured sampler after the measured ones, then the warm-up sampler's,
     * each without any request of an earlier mix (a measured query must never be answered from the result cache),
     * at most {@link #MAX_WARM_UP_MIXES}, empty ones dropped.
     */
    static List<List<BenchQuery>> warmUpMixes(List<List<BenchQuery>> sampled, List<List<BenchQuery>> more) {
        java.util.Set<fazhi.indexer.search.SearchRequest> seen = new java.util.HashSet<>();
        for (List<BenchQuery> mix : sampled) {
            for (BenchQuery q : mix) {
                seen.add(q.request());
            }
        }
        List<List<BenchQuery>> warmUp = new ArrayList<>();
        for (List<BenchQuery> mix : sampled.subList(Math.min(MEASURED_MIXES, sampled.size()), sampled.size())) {
            if (!mix.isEmpty()) {
                warmUp.add(mix);
            }
        }
        for (List<BenchQuery> mix : more) {
            List<BenchQuery> fresh = mix.stream().filter(q -> seen.add(q.request())).toList();
            if (!fresh.isEmpty()) {
                warmUp.add(fresh);
            }
        }
        return warmUp.subList(0, Math.min(warmUp.size(), MAX_WARM_UP_MIXES));
    }

    /**
     * Runs warm-up mixes one after the other: at 2 clients until latency has {@link #settled} and the JIT is quiet,
     * then at 1 client and at {@code clients} in turn until the JIT is quiet at both (or the mixes run out: a small
     * corpus has few distinct queries); returns them, in order, for the report.
     */
    private static List<QueryRun.Result> warmUp(List<List<BenchQuery>> mixes, QueryRun.Target target, int clients) {
        List<QueryRun.Result> done = new ArrayList<>();
        int available = mixes.size(); // none empty (warmUpMixes)
        // Half the mixes are kept for the second stage: that is where the JIT takes longest.
        int twoClientLimit = clients > 2 ? Math.max(1, available / 2) : available;
        int next = 0;
        while (next < twoClientLimit) {
            done.add(QueryRun.run("warm-up", mixes.get(next++), 2, target));
            if (settled(done.stream().mapToDouble(r -> r.all().percentileMillis(50)).toArray()) && jitQuiet(done, 4)) {
                break;
            }
        }
        // Then both measured concurrencies in turn until the JIT is quiet at both. Why both: many concurrent requests
        // run code two do not (over HTTP at 100k, after a warm-up quiet at 2 clients, the 16-client run spent 68 % of
        // its time compiling), and after a warm-up quiet at 16 clients the 1-client run recompiled for 36 % of its time
        // in process at 100k (r60) and 45 % at 10k (r58): branches one concurrency never takes (the slice threads
        // idle, the turn never waited for) were compiled out, and the other concurrency traps into them. In a
        // scratch run at 10k, mixes at 1 and 16 clients in turn went from 161 % and 111 % compiling to 0 % and 10 %.
        List<QueryRun.Result> single = new ArrayList<>();
        List<QueryRun.Result> concurrent = new ArrayList<>();
        while (clients > 2 && next < available) {
            QueryRun.Result one = QueryRun.run("warm-up", mixes.get(next++), 1, target);
            done.add(one);
            single.add(one);
            if (next == available) {
                break;
            }
            QueryRun.Result many = QueryRun.run("warm-up", mixes.get(next++), clients, target);
            done.add(many);
            concurrent.add(many);
            if (jitQuiet(concurrent, CONCURRENT_QUIET_MIXES) && jitQuiet(single, SINGLE_QUIET_MIXES)) {
                break;
            }
        }
        return done;
    }

    /** Mixes at 1 client over which the JIT must have been quiet before the warm-up ends (a mix lasts 1–2 s at 100k). */
    static final int SINGLE_QUIET_MIXES = 4;

    /**
     * Mixes over which the JIT must have been quiet before the concurrent stage of the warm-up ends: compiling comes
     * in bursts, and with 16 clients a mix lasts half a second at 100k, so four mixes are two seconds of luck.
     */
    static final int CONCURRENT_QUIET_MIXES = 8;

    private static boolean jitQuiet(List<QueryRun.Result> mixes, int window) {
        return jitQuiet(mixes.stream().mapToLong(QueryRun.Result::jitMillis).toArray(),
                mixes.stream().mapToLong(QueryRun.Result::wallMillis).toArray(), window);
    }

    /**
     * Whether the latency of these mixes may stop the warm-up: at least {@link #MIN_WARM_UP_MIXES}, and the median p50
     * of the last four no more than 5 % below the median of the four before. Medians of four, because one mix's p50
     * moves by a fifth with its queries.
     */
    static boolean settled(double[] p50s) {
        int n = p50s.length;
        if (n < MIN_WARM_UP_MIXES) {
            return false;
        }
        return median(java.util.Arrays.copyOfRange(p50s, n - 4, n)) >= 0.95 * median(java.util.Arrays.copyOfRange(p50s, n - 8, n - 4));
    }

    /**
     * At most this many warm-up pairs of exports (each a tenth of both measured exports, a quarter to half a second
     * at 100k reports): enough for the JIT to finish, which eight pairs were not in three runs of ten.
     */
    static final int MAX_EXPORT_WARM_UPS = 40;

    /** Runs of each measured export, the median time reported (see {@link ExportBench#median}). */
    static final int EXPORT_RUNS = 3;

    /** Warm-up pairs in a row that must be quiet (see {@link #JIT_QUIET_SHARE}) before the exports are measured. */
    static final int QUIET_EXPORT_PAIRS = 2;

    /** The most JIT compiling (compiler time / wall time over the last mixes) that counts as quiet. */
    static final double JIT_QUIET_SHARE = 0.10;

    /**
     * Whether the JIT compilers have gone quiet: over the last {@code window} mixes they compiled for at most
     * {@link #JIT_QUIET_SHARE} of the mixes' wall time (not measurable here, a -1: counts as quiet). While they still
     * compile much, they take CPU from the searches on these 2 cores, and latency reflects a JVM still starting
     * rather than a running server.
     */
    static boolean jitQuiet(long[] jitMillis, long[] wallMillis, int window) {
        int n = jitMillis.length;
        if (n < window) {
            return false;
        }
        long jit = 0;
        long wall = 0;
        for (int i = n - window; i < n; i++) {
            if (jitMillis[i] < 0) {
                return true;
            }
            jit += jitMillis[i];
            wall += wallMillis[i];
        }
        return jit <= JIT_QUIET_SHARE * Math.max(1, wall);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Progress lines on stderr, with the seconds since the start. */
    @FunctionalInterface
    private interface Log {
        void println(String message);
    }

    /** Per phrase query: our latency (from the 1-client run), FTS5's and ripgrep's, and whether the sets agree. */
    record PeerComparison(List<BenchQuery> queries, long[] ours, long[] oursIds, long[] fts5, long[] rg, long[] totals, int compared,
                          List<String> disagreements) {
    }

    private static PeerComparison comparePeers(SearchService service, Fts5Peer fts5, RipgrepPeer rg, List<BenchQuery> mix,
                                               QueryRun.Result one, Options options) throws Exception {
        List<Integer> phraseIdx = new ArrayList<>();
        for (int i = 0; i < mix.size() && phraseIdx.size() < options.peerQueries(); i++) {
            if (mix.get(i).kind() == BenchQuery.Kind.PHRASE && one.nanos()[i] >= 0) {
                phraseIdx.add(i); // a query that failed in our run has no latency to compare; it is counted as an error there
            }
        }
        int n = phraseIdx.size();
        List<BenchQuery> queries = new ArrayList<>();
        long[] ours = new long[n];
        long[] f = new long[n];
        long[] r = new long[n];
        long[] totals = new long[n];
        long[] ids = new long[n];
        List<String> disagreements = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = phraseIdx.get(k);
            queries.add(mix.get(i));
            ours[k] = one.nanos()[i];
            totals[k] = one.values()[i];
        }
        // Each engine answers in a pass of its own, after its files were read once, so that each answers from a warm
        // page cache as a tool in use would. Interleaved per query (before this session), ripgrep's 2.8 GB and
        // FTS5's 7.9 GB evicted our 8 GB index and each other on this 24 GB machine at 100k, and our id lists were
        // timed partly from disk: 3.7-4.2 ms at the median in two runs, 16.7 ms in a third.
        List<Set<String>> fts5Sets = new ArrayList<>();
        List<Set<String>> rgSets = new ArrayList<>();
        IndexBench.readTree(fts5.file());
        for (int k = 0; k < Math.min(3, n); k++) {
            fts5.reports(queries.get(k).phraseKey()); // SQLite's own cache; not measured
        }
        for (int k = 0; k < n; k++) {
            long t0 = System.nanoTime();
            fts5Sets.add(fts5.reports(queries.get(k).phraseKey()));
            f[k] = System.nanoTime() - t0;
        }
        IndexBench.readTree(rg.root());
        for (int k = 0; k < n; k++) {
            long t0 = System.nanoTime();
            rgSets.add(rg.reports(queries.get(k).phraseKey()));
            r[k] = System.nanoTime() - t0;
        }
        IndexBench.readOnce(options.dataDir());
        for (int k = 0; k < n; k++) {
            BenchQuery q = queries.get(k);
            Set<String> fs = fts5Sets.get(k);
            Set<String> rs = rgSets.get(k);
            if (!fs.equals(rs)) {
                disagreements.add(q.phraseKey() + ": FTS5 " + fs.size() + " reports, ripgrep " + rs.size() + " " + diff(fs, rs));
            }
            long t3 = System.nanoTime();
            Set<String> oursSet = new TreeSet<>(service.reportIds(q.request(), 0));
            ids[k] = System.nanoTime() - t3;
            if (!oursSet.equals(rs)) {
                disagreements.add(q.phraseKey() + ": ours " + oursSet.size() + " reports, ripgrep " + rs.size() + " " + diff(oursSet, rs));
            }
            if (oursSet.size() != totals[k]) {
                disagreements.add(q.phraseKey() + ": the search page counted " + totals[k] + " reports, the id list has " + oursSet.size());
            }
        }
        return new PeerComparison(queries, ours, ids, f, r, totals, n, disagreements);
    }

    private static String diff(Set<String> a, Set<String> b) {
        Set<String> onlyA = new TreeSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new TreeSet<>(b);
        onlyB.removeAll(a);
        return "(only first: " + onlyA.stream().limit(3).toList() + ", only second: " + onlyB.stream().limit(3).toList() + ")";
    }
}
