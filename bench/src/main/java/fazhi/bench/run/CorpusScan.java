package fazhi.bench.run;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass over {@code DIR/corpus} that prepares everything the benchmark compares against: the FTS5
 * database and the ripgrep files (both of the same per-section phrase keys), the query sample, a text sample for
 * the analyzer ceiling, and the size of the indexed text. Nothing of the corpus is held beyond the text sample.
 */
final class CorpusScan {
    /**
     * @param sampler       the measured mixes (and the first warm-up mixes), as in every earlier run of the same seed
     * @param warmUpSampler more warm-up mixes, from a larger reservoir with another seed and two phrases offered per
     *                      report: over HTTP the JIT takes about 15,000 queries to go quiet (see
     *                      {@link Bench#MAX_WARM_UP_MIXES}), far more than the first sampler has
     */
    record Result(int reports, long sections, long indexedChars, long indexedUtf8Bytes, List<String> analyzerSample,
                  long fts5Millis, long rgMillis, QuerySampler sampler, QuerySampler warmUpSampler) {
    }

    /** Phrases each report offers the warm-up sampler: at 10k reports one each gave too few mixes to go quiet. */
    private static final int WARM_UP_OFFERS = 2;

    private CorpusScan() {
    }

    static Result run(Path dataDir, Path workDir, String rg, long seed, long sampleChars, Fts5Peer[] fts5Out,
                      RipgrepPeer[] rgOut) throws IOException, SQLException {
        Fts5Peer fts5 = Fts5Peer.create(workDir.resolve("fts5.db"));
        RipgrepPeer ripgrep = RipgrepPeer.create(workDir.resolve("rg"), rg);
        QuerySampler sampler = new QuerySampler(seed);
        QuerySampler warmUpSampler = new QuerySampler(~seed, 8 * QuerySampler.RESERVOIR);
        List<String> sample = new ArrayList<>();
        long[] stats = new long[5]; // reports, sections, chars, utf8 bytes, sample chars
        long[] nanos = new long[2]; // fts5, rg
        CorpusStore.ReadSummary read = new CorpusStore(dataDir).forEach(report -> {
            try {
                List<String> keys = PeerTexts.sectionKeys(report);
                long t0 = System.nanoTime();
                fts5.add(report.id(), keys);
                long t1 = System.nanoTime();
                ripgrep.add(report.id(), keys);
                long t2 = System.nanoTime();
                nanos[0] += t1 - t0;
                nanos[1] += t2 - t1;
                if (!keys.isEmpty()) {
                    sampler.offer(report, keys);
                    for (int i = 0; i < WARM_UP_OFFERS; i++) {
                        warmUpSampler.offer(report, keys);
                    }
                }
                stats[0]++;
                for (Section s : report.sections()) {
                    String content = IndexSchema.sectionContent(s.heading(), s.text());
                    stats[1]++;
                    stats[2] += content.length();
                    stats[3] += content.getBytes(StandardCharsets.UTF_8).length;
                    if (stats[4] < sampleChars) {
                        sample.add(content);
                        stats[4] += content.length();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("FTS5 insert failed: " + e.getMessage(), e);
            }
        });
        if (!read.problems().isEmpty()) {
            System.err.println("bench: " + read.problems().size() + " corpus lines skipped, e.g. " + read.problems().getFirst());
        }
        long t0 = System.nanoTime();
        fts5.finish();
        nanos[0] += System.nanoTime() - t0;
        fts5Out[0] = fts5;
        rgOut[0] = ripgrep;
        return new Result((int) stats[0], stats[1], stats[2], stats[3], List.copyOf(sample), nanos[0] / 1_000_000,
                nanos[1] / 1_000_000, sampler, warmUpSampler);
    }
}
