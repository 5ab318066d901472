package fazhi.app;

import fazhi.bench.run.Bench;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", description = {
    "Benchmark the corpus of DIR (made by ./portal generate): index build, query latency in process and over HTTP,",
    "the same phrase queries on SQLite FTS5 and ripgrep, CSV export. Prints Markdown tables (see docs/benchmarks.md)."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;
    @Option(names = "--phrases", defaultValue = "100", description = "phrase queries per mix (default 100)") int phrases;
    @Option(names = "--peer-queries", defaultValue = "100", description = "phrase queries also run on FTS5 and ripgrep (default 100)") int peerQueries;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the query sample (default 42)") long seed;
    @Option(names = "--no-http", description = "skip the HTTP measurement (the portal is not started)") boolean noHttp;
    @Option(names = "--reuse-index", description = "keep an index that is already current (incremental indexing) instead of timing a rebuild; index-build figures are then not measured") boolean reuseIndex;
    @Option(names = "--out", paramLabel = "FILE", description = "also write the Markdown to FILE (default DIR/bench/results.md)") Path out;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = data.existing();
        Bench.Options options = Bench.Options.defaults(dir).withSeed(seed)
                .withSizes(phrases, peerQueries, 16_000_000);
        options = options.withHttp(!noHttp).withReuseIndex(reuseIndex);
        Bench.Outcome outcome = Bench.run(options, System.err);
        Path file = out != null ? out : dir.resolve("bench").resolve("results.md");
        Files.writeString(file, outcome.markdown(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().print(outcome.markdown());
        spec.commandLine().getOut().flush();
        System.err.println("bench: results written to " + file);
        return PortalCli.OK;
    }
}
