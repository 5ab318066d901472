package fazhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.bench.generate.CorpusGenerator;
import fazhi.bench.run.Bench;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on 200 generated reports: the generator writes realistic, deterministic, synthetic records, and the
 * benchmark runs every stage (the portal over HTTP included) with our engine, FTS5 and ripgrep agreeing on every
 * phrase query's result set. The real benchmark (10k, 100k reports) runs only through ./portal bench.
 */
class BenchSmokeTest {
    static Path samples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/seeds"))) {
                return dir.resolve("samples/seeds");
            }
        }
        throw new IllegalStateException("samples/seeds not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void sizesThatWouldMeasureNothingAreRefused(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bench.Options.defaults(dir).withSizes(0, 10, 1000))
                .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("--phrases");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bench.Options.defaults(dir).withSizes(10, -1, 1000))
                .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("--peer-queries");
        assertThat(Bench.Options.defaults(dir).withSizes(1, 0, 1000).phrasesPerMix()).isEqualTo(1);
    }

    @Test
    void aCorpusWithoutOneReadableReportIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(dir.resolve("corpus/torn.jsonl"), "{\"id\":\"syn-7-0000000\",\"title\":\"半行");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Bench.run(Bench.Options.defaults(dir).withSizes(12, 12, 100_000),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("没有可读的报告");
        assertThat(dir.resolve("corpus/torn.jsonl")).as("the corpus is left as it was").hasContent("{\"id\":\"syn-7-0000000\",\"title\":\"半行");
    }

    @Test
    void generatesAndBenchmarksTwoHundredReports(@TempDir Path dir) throws Exception {
        CorpusGenerator generator = CorpusGenerator.fromSamples(samples());
        CorpusGenerator.GenerateSummary summary = generator.generate(dir, 200, 7, n -> { });
        assertThat(summary.reports()).isEqualTo(200);

        List<Report> reports = new CorpusStore(dir).readAll();
        assertThat(reports).hasSize(200);
        Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
        for (Report r : reports) {
            assertThat(r.url()).startsWith("synthetic://");
            assertThat(r.id()).startsWith("syn-7-");
            assertThat(r.year()).isBetween(2019, 2025);
            assertThat(r.bodyText().length()).isBetween(CorpusGenerator.MIN_CHARS, CorpusGenerator.MAX_CHARS + 2_000);
            assertThat(r.region().district()).isNotNull();
            assertThat(r.issuer()).contains(r.region().township() != null ? r.region().township() : r.region().district());
            r.sections().stream().map(Section::kind).forEach(kinds::add);
        }
        assertThat(kinds).containsExactlyInAnyOrder(SectionKind.values());
        assertThat(reports.stream().map(r -> r.region().district()).collect(Collectors.toSet())).hasSizeGreaterThan(50);
        // Deterministic per seed, different across seeds.
        assertThat(generator.report(7, 5)).isEqualTo(reports.stream().filter(r -> r.id().equals("syn-7-0000005")).findFirst().orElseThrow());
        assertThat(generator.report(8, 5).bodyText()).isNotEqualTo(generator.report(7, 5).bodyText());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Bench.Outcome outcome = Bench.run(Bench.Options.defaults(dir).withSizes(12, 12, 100_000),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(outcome.reports()).isEqualTo(200);
        assertThat(outcome.phraseQueriesCompared()).isGreaterThanOrEqualTo(10);
        assertThat(outcome.disagreements()).as("phrase queries whose result sets differ between ours, FTS5 and ripgrep").isEmpty();
        assertThat(outcome.httpMeasured()).isTrue();
        assertThat(outcome.tokenCheck().identical()).as("SmartcnTokenizer's tokens = smartcn's on the sample").isTrue();
        assertThat(outcome.tokenCheck().tokens()).isGreaterThan(10_000);
        assertThat(outcome.markdown()).containsPattern("-Xmx [0-9,.]+ MB \\(collectors: [A-Za-z0-9 ]+( / [A-Za-z0-9 ]+)*\\)");
        assertThat(outcome.markdown()).containsPattern("\\| heap: max after a (full )?collection during the build [^|]*\\| [0-9,.]+ MB \\(");
        assertThat(outcome.markdown()).contains("### Index build", "### Query latency and throughput", "ours (page) / FTS5", "ours (ids) / ripgrep",
                "HTTP /api/search", "### CSV export", "### Targets of issue 7", "identical");
        assertThat(outcome.markdown()).containsPattern("smartcn alone, 1 thread: before the build / after it \\| [0-9,]+ / [0-9,]+ chars/s")
                .containsPattern("against our segmentation alone \\(SmartcnTokenizer chain, 1 thread before the build × [0-9]+ cores\\) \\| [0-9.]+ \\|")
                .containsPattern("SmartcnTokenizer's tokens are smartcn's: \\*\\*identical\\*\\* \\(term, offsets, position\\) for all [0-9,]+ tokens");
        // 200 reports give few distinct queries: warm-up stops when its mixes run out, before the usual minimum.
        assertThat(outcome.markdown()).containsPattern("Warm-up before the in-process runs, p50 of each mix \\(2 clients\\): [0-9.]+(, [0-9.]+)* ms \\([0-9]+ mixes, [0-9]+ queries\\)")
                .containsPattern("Warm-up before the HTTP /api/search runs, p50 of each mix \\(2 clients\\): [0-9.]+(, [0-9.]+)* ms \\([0-9]+ mixes, [0-9]+ queries\\); "
                        + "JIT compiling, share of each mix's time: [0-9]+ %(, [0-9]+ %)*\\. Then 1 client and 16 clients in turn until the JIT was quiet at both: "
                        + "[1-9][0-9]* mixes at 1 client \\([0-9]+ queries, p50 [0-9.]+(, [0-9.]+)* ms, JIT compiling [0-9]+ %(, [0-9]+ %)*\\) and [0-9]+ mixes at 16 clients")
                .containsPattern("\\| in-process \\| 16 \\| [0-9]+ \\|( [0-9.,]+ \\|){6} [0-9]+ % \\| [0-9.]+ \\| 0 \\|")
                // Over HTTP the client's own CPU per query is on record (it shares the cores with the server).
                .containsPattern("\\| HTTP /api/search \\| 16 \\| [0-9]+ \\|( [0-9.,]+ \\|){6} [0-9]+ % \\| [0-9]+\\.[0-9]{2} \\| 0 \\|")
                .contains("Each export ran 3 times in a row: seconds and rows/s are the median run's; the heap columns cover all 3 runs")
                .containsPattern("Before these, ([2-9]|[1-3][0-9]|40) warm-up pairs of the two tenth-size exports, until the JIT compiled for at most 10 % "
                        + "of the time in each of 2 pairs in a row \\(at most 40; the last pair: [0-9]+ %\\)");

        // Re-measuring queries on the index just built: nothing is analysed again, and the sets still agree.
        Bench.Outcome again = Bench.run(Bench.Options.defaults(dir).withSizes(12, 12, 100_000).withHttp(false).withReuseIndex(true),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(again.disagreements()).isEmpty();
        assertThat(again.markdown()).contains("not measured in this run (`--reuse-index`)", "analysed 0 of 200 reports again")
                .doesNotContain("### Index build (");
    }
}
