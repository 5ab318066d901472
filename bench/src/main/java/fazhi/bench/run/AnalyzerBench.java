package fazhi.bench.run;

import fazhi.indexer.analysis.Analyzers;
import fazhi.indexer.analysis.UserDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Analysis throughput on a sample of the corpus's section texts: SmartChineseAnalyzer alone (the reference
 * ceiling of the issue), the same chain on our reimplementation of its segmentation, and the two analyzers the
 * index really runs per section (smartcn chain with the user dictionary; key grams for phrase matching), each on
 * one thread, and smartcn on every core.
 */
final class AnalyzerBench {
    record Throughput(String name, int threads, long chars, long utf8Bytes, long millis, long cpuMillis, long tokens) {
        double charsPerSecond() {
            return chars * 1000.0 / Math.max(1, millis);
        }

        /** Characters per second of CPU time of the analysing threads: independent of what else runs on the machine. */
        double charsPerCpuSecond() {
            return chars * 1000.0 / Math.max(1, cpuMillis);
        }

        double mbPerSecond() {
            return utf8Bytes / 1e6 * 1000.0 / Math.max(1, millis);
        }
    }

    /** The texts analysed, with their size counted once (it is measured against more than once). */
    record Sample(List<String> texts, long chars, long utf8Bytes) {
        static Sample of(List<String> texts) {
            return new Sample(texts, texts.stream().mapToLong(String::length).sum(),
                    texts.stream().mapToLong(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum());
        }
    }

    /** The row of smartcn's chain on our segmenter (same tokens; what the index build runs). */
    static final String OURS = "the same, on SmartcnTokenizer (smartcn's segmentation reimplemented; Analyzers.smartcn)";

    /** Tokens of SmartChineseAnalyzer and of {@link Analyzers#smartcn} compared over the sample. */
    public record TokenCheck(long texts, long tokens, long textsDiffering, String firstDifference) {
        public boolean identical() {
            return textsDiffering == 0;
        }
    }

    private AnalyzerBench() {
    }

    /**
     * Both analyzers over every text of the sample, token by token (term, offsets, position increment): the bench's
     * own proof, on the corpus it measures, that the faster segmenter changes nothing but the speed.
     */
    static TokenCheck compareWithSmartcn(Sample sample) {
        long tokens = 0;
        long differing = 0;
        String first = null;
        try (Analyzer smartcn = new SmartChineseAnalyzer(); Analyzer ours = Analyzers.smartcn()) {
            for (String text : sample.texts()) {
                List<String> expected = tokens(smartcn, text);
                tokens += expected.size();
                if (!expected.equals(tokens(ours, text))) {
                    differing++;
                    if (first == null) {
                        first = text.substring(0, Math.min(60, text.length()));
                    }
                }
            }
        }
        return new TokenCheck(sample.texts().size(), tokens, differing, first);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "|" + offset.startOffset() + "|" + offset.endOffset() + "|" + increment.getPositionIncrement());
            }
            ts.end();
            out.add("end|" + offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Throughput> run(Sample sample, int cores) {
        List<String> texts = sample.texts();
        // Warm up each analyzer on a slice so the figures are JIT-compiled code, not the interpreter.
        List<String> warm = texts.subList(0, Math.min(texts.size(), Math.max(1, texts.size() / 10)));
        UserDictionary dictionary = UserDictionary.shipped();
        List<Throughput> results = new ArrayList<>();
        analyse(warm, 1, SmartChineseAnalyzer::new);
        results.add(measure("SmartChineseAnalyzer (alone)", sample, 1, SmartChineseAnalyzer::new));
        results.add(measure("SmartChineseAnalyzer (alone)", sample, cores, SmartChineseAnalyzer::new));
        analyse(warm, 1, Analyzers::smartcn);
        results.add(measure(OURS, sample, 1, Analyzers::smartcn));
        analyse(warm, 1, () -> Analyzers.ranking(dictionary));
        results.add(measure("ranking field: smartcn chain + user dictionary (Analyzers.ranking)", sample, 1,
                () -> Analyzers.ranking(dictionary)));
        analyse(warm, 1, Analyzers::keyGrams);
        results.add(measure("phrase field: key grams (Analyzers.keyGrams)", sample, 1, Analyzers::keyGrams));
        return results;
    }

    /**
     * SmartChineseAnalyzer alone on one thread again (already compiled): measured before and after the index build,
     * so the ceiling reflects the machine's speed during the build, which drifts on a shared machine.
     */
    static Throughput smartcnAgain(Sample sample) {
        return measure("SmartChineseAnalyzer (alone), after the index build", sample, 1, SmartChineseAnalyzer::new);
    }

    private static Throughput measure(String name, Sample sample, int threads, Supplier<Analyzer> analyzer) {
        long start = System.nanoTime();
        long[] result = analyse(sample.texts(), threads, analyzer);
        return new Throughput(name, threads, sample.chars(), sample.utf8Bytes(), (System.nanoTime() - start) / 1_000_000,
                result[1] / 1_000_000, result[0]);
    }

    /** Tokenises every text (split round-robin over {@code threads} threads, one analyzer each); returns {tokens, CPU ns}. */
    private static long[] analyse(List<String> texts, int threads, Supplier<Analyzer> factory) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    long tokens = 0;
                    try (Analyzer analyzer = factory.get()) {
                        for (int i = first; i < texts.size(); i += threads) {
                            try (TokenStream ts = analyzer.tokenStream("f", texts.get(i))) {
                                ts.reset();
                                while (ts.incrementToken()) {
                                    tokens++;
                                }
                                ts.end();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                    return new long[] {tokens, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0};
                }));
            }
            long[] total = new long[2];
            for (Future<long[]> f : parts) {
                long[] part = f.get();
                total[0] += part[0];
                total[1] += part[1];
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
