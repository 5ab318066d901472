package fazhi.bench.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/** Collects the figures of one run and renders them as Markdown tables (ratios ours / peer, pair by pair). */
final class BenchReport {
    private final Machine machine;
    private final Instant started;
    private final String rgVersion;
    private final StringBuilder md = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();
    private CorpusScan.Result scan;
    private double smartcnOneThread = Double.NaN;
    private double smartcnPerCpuSecond = Double.NaN;
    private double oursOneThread = Double.NaN;
    private QueryRun.Result inProcessOne;
    private QueryRun.Result inProcessMany;
    private QueryRun.Result httpMany;
    private String httpSkipped;
    private Instant finished;

    BenchReport(Machine machine, Instant started, String rgVersion) {
        this.machine = machine;
        this.started = started;
        this.rgVersion = rgVersion;
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : v < 10 ? f(v, 2) : v < 100 ? f(v, 1) : f(v, 0);
    }

    private static String jitShare(QueryRun.Result r) {
        return r.jitShare() < 0 ? "–" : f(100 * r.jitShare(), 0) + " %";
    }

    private static String mb(long bytes) {
        return f(bytes / 1e6, 1) + " MB";
    }

    private static String ratio(double ours, double peer) {
        return Double.isNaN(ours) || Double.isNaN(peer) || peer == 0 ? "–" : f(ours / peer, 3);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    void corpus(CorpusScan.Result result, long corpusBytes, long fts5Bytes, long rgBytes) {
        this.scan = result;
        line("Corpus: **" + f(result.reports(), 0) + " reports**, " + f(result.sections(), 0) + " sections, "
                + f(result.indexedChars() / 1e6, 1) + " M characters of section text (" + mb(result.indexedUtf8Bytes())
                + " UTF-8; heading + body per section, what the index analyses); corpus files " + mb(corpusBytes) + ".");
        line("");
        line("Peers prepared from the same records (one line per section = its phrase key, see \"How the peers see the texts\"): "
                + "SQLite FTS5 trigram database " + mb(fts5Bytes) + " built in " + f(result.fts5Millis() / 1000.0, 1)
                + " s (inserts + optimize); ripgrep text files " + mb(rgBytes) + " written in " + f(result.rgMillis() / 1000.0, 1) + " s.");
        line("");
    }

    void analyzers(List<AnalyzerBench.Throughput> results) {
        line("### Analysis throughput (reference ceiling)");
        line("");
        long sampleChars = results.isEmpty() ? 0 : results.getFirst().chars();
        line("Sample: the first " + f(sampleChars / 1e6, 1) + " M characters of section text of the corpus, tokenised to the end of each stream.");
        line("");
        line("| analyzer | threads | chars/s (wall) | MB/s (UTF-8, wall) | chars per CPU-second | tokens |");
        line("|---|---:|---:|---:|---:|---:|");
        for (AnalyzerBench.Throughput t : results) {
            line("| " + t.name() + " | " + t.threads() + " | " + f(t.charsPerSecond(), 0) + " | " + f(t.mbPerSecond(), 2) + " | "
                    + f(t.charsPerCpuSecond(), 0) + " | " + f(t.tokens(), 0) + " |");
            if (t.name().startsWith("SmartChineseAnalyzer") && t.threads() == 1) {
                smartcnOneThread = t.charsPerSecond();
                smartcnPerCpuSecond = t.charsPerCpuSecond();
            }
            if (t.name().equals(AnalyzerBench.OURS)) {
                oursOneThread = t.charsPerSecond();
            }
        }
        line("");
    }

    void tokenCheck(AnalyzerBench.TokenCheck check) {
        line(check.identical()
                ? "SmartcnTokenizer's tokens are smartcn's: **identical** (term, offsets, position) for all " + f(check.tokens(), 0)
                        + " tokens of the " + f(check.texts(), 0) + " sample texts. The index build and the queries run on it."
                : "SmartcnTokenizer's tokens **differ** from smartcn's in " + f(check.textsDiffering(), 0) + " of " + f(check.texts(), 0)
                        + " sample texts (first: `" + check.firstDifference() + "`).");
        line("");
        targets.add(new String[] {"SmartcnTokenizer = smartcn (tokens)", check.identical() ? "identical (" + f(check.tokens(), 0) + " tokens)"
                : check.textsDiffering() + " texts differ", verdict(check.identical())});
    }

    void index(IndexBench.Result index, CorpusScan.Result corpus, AnalyzerBench.Throughput smartcnAfter) {
        double charsPerSecond = corpus.indexedChars() * 1000.0 / Math.max(1, index.millis());
        double mbPerSecond = corpus.indexedUtf8Bytes() / 1e6 * 1000.0 / Math.max(1, index.millis());
        // The machine's speed drifts (up to a quarter within an hour here): smartcn alone is measured before and
        // after the build, and the ceiling is the mean of the two.
        double oneThread = (smartcnOneThread + smartcnAfter.charsPerSecond()) / 2;
        double oneThreadPerCpuSecond = (smartcnPerCpuSecond + smartcnAfter.charsPerCpuSecond()) / 2;
        double ceiling = oneThread * index.cores();
        line("### Index build (`Indexer.index(rebuild)`, " + index.cores() + " indexing threads)");
        line("");
        line("| measure | value |");
        line("|---|---:|");
        line("| reports | " + f(index.reports(), 0) + " |");
        line("| wall time | " + f(index.millis() / 1000.0, 1) + " s |");
        line("| throughput | " + f(charsPerSecond, 0) + " chars/s = " + f(mbPerSecond, 2) + " MB/s of text |");
        line("| cores busy (process CPU time / wall time) | " + f(index.coresBusy(), 2) + " of " + index.cores() + " |");
        line("| index size | " + mb(index.indexBytes()) + " (" + f((double) index.indexBytes() / corpus.indexedUtf8Bytes(), 2) + "× the UTF-8 text) |");
        String heapContext = "live before: " + mb(index.heapBefore()) + ", -Xmx " + mb(machine.maxHeap());
        LiveHeap.Collected heap = index.heap();
        if (heap.fullCollections() > 0) {
            line("| heap: max after a full collection during the build (what stayed reachable) | " + mb(heap.maxAfterFull()) + " ("
                    + heap.fullCollections() + " full collections; after any collection: " + mb(heap.maxAfterAny()) + "; " + heapContext + ") |");
        } else {
            line("| heap: max after a collection during the build (no full collection ran: an upper bound, with old-generation "
                    + "garbage not yet collected) | " + mb(heap.maxAfterAny()) + " (" + heapContext + ") |");
        }
        line("| heap: sum of heap pool peaks (incl. garbage not yet collected) | " + mb(index.peakHeap()) + " |");
        line("| smartcn alone, 1 thread: before the build / after it | " + f(smartcnOneThread, 0) + " / "
                + f(smartcnAfter.charsPerSecond(), 0) + " chars/s |");
        line("| smartcn-alone ceiling (mean of the two × " + index.cores() + " cores) | " + f(ceiling, 0) + " chars/s |");
        line("| index build / ceiling | " + f(charsPerSecond / ceiling, 2) + " (against the before / after figure alone: "
                + f(charsPerSecond / (smartcnOneThread * index.cores()), 2) + " / "
                + f(charsPerSecond / (smartcnAfter.charsPerSecond() * index.cores()), 2) + ") |");
        double perCpuSecond = index.cpuMillis() <= 0 ? Double.NaN : corpus.indexedChars() * 1000.0 / index.cpuMillis();
        line("| CPU time of the build (all threads) | " + f(index.cpuMillis() / 1000.0, 1) + " s |");
        line("| characters per CPU-second (independent of other load) | " + f(perCpuSecond, 0) + " = "
                + f(perCpuSecond / oneThreadPerCpuSecond, 2) + "× smartcn alone per CPU-second (mean of before and after) |");
        double againstOurs = charsPerSecond / (oursOneThread * index.cores());
        line("| against our segmentation alone (SmartcnTokenizer chain, 1 thread before the build × " + index.cores() + " cores) | "
                + f(againstOurs, 2) + " |");
        line("");
        targets.add(new String[] {"index build ≥ 0.8 × (smartcn-only × cores)", f(charsPerSecond / ceiling, 2) + " × (against SmartcnTokenizer alone: "
                + f(againstOurs, 2) + " ×)", verdict(charsPerSecond >= 0.8 * ceiling)});
    }

    void indexReused(IndexBench.Reuse reuse) {
        line("### Index build: not measured in this run (`--reuse-index`)");
        line("");
        line((reuse.rebuilt()
                ? "There was no current index in the data directory (none yet, or one of another schema or dictionary), so the indexer built one ("
                : "The index already in the data directory was kept: the indexer ran incrementally (")
                + f(reuse.millis() / 1000.0, 1) + " s) and analysed " + f(reuse.analysed(), 0) + " of " + f(reuse.reports(), 0)
                + " reports again; index size " + mb(reuse.indexBytes()) + ". Index-build figures come from a run without `--reuse-index`.");
        line("");
        targets.add(new String[] {"index build ≥ 0.8 × (smartcn-only × cores)", "not measured (--reuse-index)", "–"});
    }

    void mix(List<BenchQuery> mix, int minWarmUpMixes, int maxWarmUpMixes, long indexBytesRead, long readMillis) {
        long[] counts = new long[BenchQuery.Kind.values().length];
        mix.forEach(q -> counts[q.kind().ordinal()]++);
        line("### Query mix");
        line("");
        line("Each measured run gets its own mix of the same composition (" + counts[0] + " phrases of 2–6 characters sampled from the corpus, "
                + counts[1] + " two-term AND, " + counts[2] + " section filter, " + counts[3] + " year + region filter = " + mix.size()
                + " queries; at the measured concurrency " + Bench.CONCURRENT_MIXES + " such mixes in one run, so that its p99 is not one or two queries' luck); "
                + "no request repeats across runs, so the service's result cache never answers a measured query. "
                + "Every request is page 1 of 20 hits, relevance order, with total, all four facets and snippets (what `/api/search` returns). "
                + "Before the in-process and again before the HTTP runs, more mixes (none of them measured) warm up the JIT, one after the other, at most " + maxWarmUpMixes
                + ": first at 2 clients (at least " + minWarmUpMixes + ", at most half of them) until latency has stopped falling (the median p50 of the last four mixes "
                + "no more than 5 % below that of the four before) and the JIT compilers spent at most " + Math.round(100 * Bench.JIT_QUIET_SHARE)
                + " % of the last four mixes' time compiling; then at 1 client and at the measured concurrency in turn until they spent at most " + Math.round(100 * Bench.JIT_QUIET_SHARE)
                + " % of the time compiling over the last " + Bench.CONCURRENT_QUIET_MIXES + " concurrent mixes and over the last " + Bench.SINGLE_QUIET_MIXES
                + " mixes at 1 client (code run once per request reaches the JIT's last tier only after thousands of requests, and what one concurrency "
                + "never runs is compiled out until the other runs it) "
                + "(each mix's p50 and JIT share are listed under the latency table); the CSV exports are warmed up too. "
                + "Before that the index files were read once (" + mb(indexBytesRead) + " in " + f(readMillis / 1000.0, 1)
                + " s), so that the queries find them in the page cache as on a running server. "
                + "Examples: " + String.join("; ", mix.stream().limit(6).map(q -> "`" + q.describe() + "`").toList()) + ".");
        line("");
    }

    void queries(QueryRun.Result r) {
        if (r.name().startsWith("HTTP")) {
            if (r.clients() > 1) {
                httpMany = r;
            }
        } else if (r.clients() == 1) {
            inProcessOne = r;
        } else {
            inProcessMany = r;
        }
        rows.add(r);
    }

    private final List<QueryRun.Result> rows = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();

    /** The p50 of each warm-up mix, in order: latency should have stopped falling before the measured runs. */
    void warmUp(String target, List<QueryRun.Result> mixes, int clients) {
        // The first stage runs at 2 clients; the second alternates 1 client and the measured concurrency.
        List<QueryRun.Result> two = mixes.stream().filter(r -> r.clients() == 2).toList();
        List<QueryRun.Result> one = mixes.stream().filter(r -> r.clients() == 1).toList();
        List<QueryRun.Result> many = mixes.stream().filter(r -> r.clients() > 2).toList();
        String line = "Warm-up before the " + target + " runs, p50 of each mix (2 clients): "
                + String.join(", ", two.stream().map(r -> ms(r.all().percentileMillis(50))).toList()) + " ms ("
                + two.size() + " mixes, " + two.stream().mapToInt(QueryRun.Result::queries).sum() + " queries); "
                + "JIT compiling, share of each mix's time: "
                + String.join(", ", two.stream().map(r -> jitShare(r)).toList()) + ".";
        if (!one.isEmpty()) {
            line += " Then 1 client and " + clients + " clients in turn until the JIT was quiet at both: "
                    + one.size() + " mixes at 1 client (" + one.stream().mapToInt(QueryRun.Result::queries).sum()
                    + " queries, p50 " + String.join(", ", one.stream().map(r -> ms(r.all().percentileMillis(50))).toList())
                    + " ms, JIT compiling " + String.join(", ", one.stream().map(r -> jitShare(r)).toList()) + ") and "
                    + many.size() + " mixes at " + clients + " clients ("
                    + many.stream().mapToInt(QueryRun.Result::queries).sum() + " queries, JIT compiling "
                    + String.join(", ", many.stream().map(r -> jitShare(r)).toList()) + ").";
        }
        warmUps.add(line);
    }

    void peers(Bench.PeerComparison p, int reports) {
        peers = p;
        peerReports = reports;
    }

    private Bench.PeerComparison peers;
    private int peerReports;
    private List<ExportBench.Result> exports = List.of();
    private int exportWarmUps;
    private double exportWarmUpJit;

    void exports(List<ExportBench.Result> results, int warmUpPairs, double warmUpJit) {
        exports = results;
        exportWarmUps = warmUpPairs;
        exportWarmUpJit = warmUpJit;
    }

    void httpSkipped(String why) {
        httpSkipped = why;
    }

    void finish(Instant end) {
        finished = end;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(started).append(" – ").append(finished).append(" (").append(Duration.between(started, finished).toSeconds())
                .append(" s); ").append(machine.cores()).append(" cores (").append(machine.cpu()).append("), ")
                .append(f(machine.memoryBytes() / 1e9, 1)).append(" GB RAM, ").append(machine.jdk()).append(", -Xmx ")
                .append(mb(machine.maxHeap())).append(" (collectors: ").append(machine.collectors()).append("), ").append(machine.os())
                .append("; load average at start ")
                .append(f(machine.loadAverage(), 2)).append(", at end ").append(f(Machine.currentLoadAverage(), 2))
                .append("; ").append(rgVersion).append(".\n\n");
        out.append(md);
        out.append(latencyTables());
        out.append(peerTables());
        out.append(exportTable());
        out.append(targetTable());
        return out.toString();
    }

    private String latencyTables() {
        StringBuilder t = new StringBuilder();
        t.append("### Query latency and throughput\n\n");
        t.append("| target | clients | queries | p50 ms | p95 ms | p99 ms | mean ms | max ms | queries/s | JIT compiling | client CPU ms/query | errors |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (QueryRun.Result r : rows) {
            t.append("| ").append(r.name()).append(" | ").append(r.clients()).append(" | ").append(r.queries()).append(" | ")
                    .append(ms(r.all().percentileMillis(50))).append(" | ").append(ms(r.all().percentileMillis(95))).append(" | ")
                    .append(ms(r.all().percentileMillis(99))).append(" | ").append(ms(r.all().meanMillis())).append(" | ")
                    .append(ms(r.all().maxMillis())).append(" | ").append(f(r.throughput(), 1)).append(" | ").append(jitShare(r))
                    .append(" | ").append(r.clientCpuMillisPerQuery() < 0 ? "–" : f(r.clientCpuMillisPerQuery(), 2))
                    .append(" | ").append(r.errors())
                    .append(r.firstError() == null ? "" : " (first: " + r.firstError().replace("|", "\\|") + ")").append(" |\n");
        }
        if (httpSkipped != null) {
            t.append("| HTTP /api/search | – | – | not measured: ").append(httpSkipped.replace("|", "\\|")).append(" | | | | | | | | |\n");
        }
        t.append("JIT compiling = time the JVM's JIT compilers spent compiling during the run, as a share of its wall time "
                + "(compiler threads summed): work that takes CPU from the searches while the JVM is still warming up. "
                + "Client CPU = CPU time of the client threads per query: over HTTP what the bench's client (blocking "
                + "`HttpURLConnection`, kept-alive connections) takes from the same cores as the server; in process the "
                + "clients run the searches themselves (the slice threads' share not included).\n\n");
        for (String w : warmUps) {
            t.append(w).append("\n\n");
        }
        for (QueryRun.Result r : rows) {
            if (r.name().startsWith("HTTP")) {
                double mean = Arrays.stream(r.values()).filter(v -> v >= 0).average().orElse(Double.NaN);
                t.append("HTTP ").append(r.clients()).append(r.clients() == 1 ? " client" : " clients").append(": mean response body ")
                        .append(f(mean / 1000, 1)).append(" KB of JSON.\n");
            }
        }
        t.append("\n");
        QueryRun.Result http1 = rows.stream().filter(r -> r.name().startsWith("HTTP") && r.clients() == 1).findFirst().orElse(null);
        if (http1 != null && inProcessOne != null) {
            t.append("HTTP / in-process (1 client): p50 ").append(ratio(http1.all().percentileMillis(50), inProcessOne.all().percentileMillis(50)))
                    .append(", p99 ").append(ratio(http1.all().percentileMillis(99), inProcessOne.all().percentileMillis(99))).append(".\n\n");
        }
        for (QueryRun.Result r : new QueryRun.Result[] {inProcessOne, inProcessMany}) {
            if (r == null) {
                continue;
            }
            t.append("By kind, ").append(r.name()).append(", ").append(r.clients()).append(r.clients() == 1 ? " client" : " clients").append(":\n\n");
            t.append("| kind | queries | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                Latencies l = r.byKind().get(kind);
                t.append("| ").append(kind.label).append(" | ").append(l.count()).append(" | ").append(ms(l.percentileMillis(50)))
                        .append(" | ").append(ms(l.percentileMillis(95))).append(" | ").append(ms(l.percentileMillis(99)))
                        .append(" | ").append(ms(l.maxMillis())).append(" |\n");
            }
            t.append("\n");
        }
        if (inProcessOne != null) {
            double p50 = inProcessOne.all().percentileMillis(50);
            double p99 = inProcessOne.all().percentileMillis(99);
            targets.add(new String[] {"in-process p50 ≤ 5 ms (facets + snippets, 1 client)", ms(p50) + " ms", verdict(p50 <= 5)});
            targets.add(new String[] {"in-process p99 ≤ 50 ms (1 client)", ms(p99) + " ms", verdict(p99 <= 50)});
        }
        if (httpMany != null) {
            double p99 = httpMany.all().percentileMillis(99);
            targets.add(new String[] {"HTTP p99 ≤ 100 ms with " + httpMany.clients() + " clients", ms(p99) + " ms", verdict(p99 <= 100)});
        } else {
            targets.add(new String[] {"HTTP p99 ≤ 100 ms with 16 clients", "not measured", httpSkipped == null ? "–" : "not measured: " + httpSkipped.replace("|", "\\|")});
        }
        return t.toString();
    }

    private String peerTables() {
        if (peers == null) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        Bench.PeerComparison p = peers;
        int n = p.compared();
        t.append("### Phrase queries: ours vs SQLite FTS5 (trigram) vs ripgrep\n\n");
        t.append("The ").append(n).append(" phrase queries of the 1-client in-process run, each also run once on FTS5 and ripgrep (single client), each engine in a pass of its own after its files were read once (warm page cache, as a tool in use). ")
                .append("Ours (page) = the in-process `SearchService.search` latency of that run (page of 20 with total, facets, snippets); ")
                .append("ours (ids) = `SearchService.reportIds` of the same request, timed in a pass after the peers' (the index files read once first): every matching report id, like the peers. ")
                .append("FTS5 and ripgrep return the full set of matching report ids. Ratios are ours / peer (below 1 = ours faster), ")
                .append("computed pair by pair: the ratio of the two engines' percentiles, and the median of the per-query ratios.\n\n");
        t.append("| engine | queries | p50 ms | p95 ms | p99 ms | mean ms |\n|---|---:|---:|---:|---:|---:|\n");
        Latencies ours = lat(p.ours(), i -> true);
        Latencies oursIds = lat(p.oursIds(), i -> true);
        Latencies fts = lat(p.fts5(), i -> true);
        Latencies rg = lat(p.rg(), i -> true);
        row(t, "ours, search page (in-process)", ours);
        row(t, "ours, all matching ids (in-process)", oursIds);
        row(t, "SQLite FTS5 trigram (2-char phrases: LIKE scan)", fts);
        row(t, "ripgrep", rg);
        t.append("\n| pair | p50 ratio | p95 ratio | p99 ratio | median of per-query ratios | ours faster at the median by |\n|---|---:|---:|---:|---:|---:|\n");
        pair(t, "ours (page) / FTS5", ours, fts, p.ours(), p.fts5(), i -> true);
        pair(t, "ours (page) / ripgrep", ours, rg, p.ours(), p.rg(), i -> true);
        pair(t, "ours (ids) / FTS5", oursIds, fts, p.oursIds(), p.fts5(), i -> true);
        pair(t, "ours (ids) / ripgrep", oursIds, rg, p.oursIds(), p.rg(), i -> true);
        t.append("\n");
        t.append("By phrase length and frequency (reports matched, of ").append(f(peerReports, 0)).append("; p50 ms):\n\n");
        t.append("| phrases | queries | ours page p50 | ours ids p50 | FTS5 p50 | ripgrep p50 | ours page / FTS5 | ours ids / FTS5 | ours page / ripgrep |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        long rareMax = Math.max(1, peerReports / 100);
        long commonMin = Math.max(rareMax + 1, peerReports / 5);
        List<String> labels = List.of("2 characters (FTS5: LIKE scan)", "3–6 characters (FTS5: trigram index)",
                "rare (≤ 1 % of reports)", "medium", "common (> 20 % of reports)");
        List<LongPredicate> filters = List.of(
                i -> p.queries().get((int) i).phraseKey().length() == 2,
                i -> p.queries().get((int) i).phraseKey().length() >= 3,
                i -> p.totals()[(int) i] <= rareMax,
                i -> p.totals()[(int) i] > rareMax && p.totals()[(int) i] < commonMin,
                i -> p.totals()[(int) i] >= commonMin);
        for (int k = 0; k < labels.size(); k++) {
            LongPredicate filter = filters.get(k);
            Latencies o = lat(p.ours(), filter);
            Latencies oi = lat(p.oursIds(), filter);
            Latencies fl = lat(p.fts5(), filter);
            Latencies rl = lat(p.rg(), filter);
            t.append("| ").append(labels.get(k)).append(" | ").append(o.count()).append(" | ").append(ms(o.percentileMillis(50)))
                    .append(" | ").append(ms(oi.percentileMillis(50)))
                    .append(" | ").append(ms(fl.percentileMillis(50))).append(" | ").append(ms(rl.percentileMillis(50))).append(" | ")
                    .append(ratio(o.percentileMillis(50), fl.percentileMillis(50))).append(" | ")
                    .append(ratio(oi.percentileMillis(50), fl.percentileMillis(50))).append(" | ")
                    .append(ratio(o.percentileMillis(50), rl.percentileMillis(50))).append(" |\n");
        }
        t.append("\n");
        t.append("Result sets: ").append(p.disagreements().isEmpty() ? "**identical** for all " + n + " phrase queries" : "**" + p.disagreements().size() + " disagreements**")
                .append(" (id by id: ours from `reportIds`, FTS5, ripgrep; and our search page's `total` equals the number of ids).\n\n");
        for (String d : p.disagreements().stream().limit(10).toList()) {
            t.append("- ").append(d).append('\n');
        }
        if (!p.disagreements().isEmpty()) {
            t.append('\n');
        }
        double o50 = ours.percentileMillis(50);
        double fts50 = fts.percentileMillis(50);
        double rg50 = rg.percentileMillis(50);
        double i50 = oursIds.percentileMillis(50);
        targets.add(new String[] {"≥ 5× faster than FTS5-trigram at the median", f(fts50 / o50, 1) + "× with the search page (ours/FTS5 p50 = "
            + ratio(o50, fts50) + "); " + f(fts50 / i50, 1) + "× with ids only", verdict(fts50 / o50 >= 5)});
        targets.add(new String[] {"≥ 100× faster than ripgrep at the median", f(rg50 / o50, 1) + "× with the search page (ours/ripgrep p50 = "
            + ratio(o50, rg50) + "); " + f(rg50 / i50, 1) + "× with ids only", verdict(rg50 / o50 >= 100)});
        targets.add(new String[] {"identical result sets", p.disagreements().isEmpty() ? "identical (" + n + " queries)" : p.disagreements().size() + " differ",
            verdict(p.disagreements().isEmpty())});
        return t.toString();
    }

    private static Latencies lat(long[] nanos, LongPredicate include) {
        Latencies l = new Latencies();
        for (int i = 0; i < nanos.length; i++) {
            if (include.test(i)) {
                l.record(nanos[i]);
            }
        }
        return l;
    }

    private static void row(StringBuilder t, String name, Latencies l) {
        t.append("| ").append(name).append(" | ").append(l.count()).append(" | ").append(ms(l.percentileMillis(50))).append(" | ")
                .append(ms(l.percentileMillis(95))).append(" | ").append(ms(l.percentileMillis(99))).append(" | ")
                .append(ms(l.meanMillis())).append(" |\n");
    }

    private static void pair(StringBuilder t, String name, Latencies ours, Latencies peer, long[] o, long[] p, LongPredicate include) {
        double[] ratios = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            ratios[i] = (double) o[i] / Math.max(1, p[i]);
        }
        Arrays.sort(ratios);
        double median = ratios.length == 0 ? Double.NaN : ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        t.append("| ").append(name).append(" | ").append(ratio(ours.percentileMillis(50), peer.percentileMillis(50))).append(" | ")
                .append(ratio(ours.percentileMillis(95), peer.percentileMillis(95))).append(" | ")
                .append(ratio(ours.percentileMillis(99), peer.percentileMillis(99))).append(" | ").append(f(median, 3)).append(" | ")
                .append(f(peer.percentileMillis(50) / ours.percentileMillis(50), 1)).append("× |\n");
    }

    private String exportTable() {
        if (exports.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder();
        t.append("### CSV export (`SearchCsv.writeAll`, the /export.csv path)\n\n");
        t.append("Each export ran " + Bench.EXPORT_RUNS + " times in a row: seconds and rows/s are the median run's; the heap columns cover all "
                + Bench.EXPORT_RUNS + " runs (live before the first, after the last).\n\n");
        t.append("| query | reports | CSV rows | MB | seconds | rows/s | live heap before | max heap after a GC during (GCs) | pool peak during (incl. garbage) | live after |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ExportBench.Result e : exports) {
            t.append("| ").append(e.query().isEmpty() ? "(every report, one row each)" : "`" + e.query() + "` (one row per matching section)")
                    .append(" | ").append(f(e.reports(), 0)).append(" | ").append(f(e.rows(), 0)).append(" | ").append(f(e.bytes() / 1e6, 1))
                    .append(" | ").append(f(e.millis() / 1000.0, 2)).append(" | ").append(f(e.rowsPerSecond(), 0)).append(" | ")
                    .append(mb(e.heapBefore())).append(" | ").append(e.collections() == 0 ? "no GC" : mb(e.liveMax()) + " (" + e.collections() + ")")
                    .append(" | ").append(mb(e.peakHeap())).append(" | ").append(mb(e.heapAfter())).append(" |\n");
        }
        t.append("\nBefore these, " + exportWarmUps + " warm-up pairs of the two tenth-size exports, until the JIT compiled for at most "
                + Math.round(100 * Bench.JIT_QUIET_SHARE) + " % of the time in each of " + Bench.QUIET_EXPORT_PAIRS + " pairs in a row (at most " + Bench.MAX_EXPORT_WARM_UPS
                + "; the last pair: " + (exportWarmUpJit < 0 ? "not measurable" : f(100 * exportWarmUpJit, 0) + " %") + ").\n\n");
        ExportBench.Result biggest = exports.stream().max(java.util.Comparator.comparingLong(ExportBench.Result::rows)).orElseThrow();
        ExportBench.Result slowest = exports.stream().filter(e -> e.rows() >= 1000).min(java.util.Comparator.comparingDouble(ExportBench.Result::rowsPerSecond)).orElse(biggest);
        targets.add(new String[] {"export ≥ 50k rows/s", f(slowest.rowsPerSecond(), 0) + " rows/s (slowest export), " + f(biggest.rowsPerSecond(), 0)
            + " rows/s on " + f(biggest.rows(), 0) + " rows", verdict(slowest.rowsPerSecond() >= 50_000)});
        targets.add(new String[] {"export heap flat", "max heap after a GC during export: " + String.join(", ",
            exports.stream().map(e -> f(e.rows(), 0) + " rows → " + (e.collections() == 0 ? "no GC" : mb(e.liveMax()))).toList())
            + " (live before: " + mb(exports.getFirst().heapBefore()) + ")", "see table"});
        return t.toString();
    }

    private String targetTable() {
        StringBuilder t = new StringBuilder("### Targets of issue 7\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (String[] row : targets) {
            t.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
        t.append("\n");
        return t.toString();
    }
}
