package fazhi.app;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.importer.LocalImporter;
import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.IndexSummary;
import fazhi.indexer.index.Indexer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./portal demo}: imports the bundled sample corpus into a data folder (data/demo under the project unless
 * --data) when it holds no corpus yet, brings the index up to date (a no-op when nothing changed, so later starts are
 * quick), then serves it.
 */
@Command(name = "demo", description = "Import and index the bundled sample corpus, then serve it on 127.0.0.1.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "port (default 7070; 0 = any free port)")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: data/demo in the project)")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = (data != null ? data : ProjectHome.path().resolve("data").resolve("demo")).toAbsolutePath().normalize();
        CorpusStore corpus = new CorpusStore(dir);
        if (corpus.files().isEmpty()) {
            Path samples = ProjectHome.sampleCorpus();
            LocalImporter.ImportSummary imported = new LocalImporter(new ReportUnderstanding(), corpus).importPaths(List.of(samples));
            out.printf("imported %d sample reports from %s into %s%n", imported.reports().size(), samples, dir);
            imported.rejected().forEach((file, reason) -> out.printf("  rejected %s: %s%n", file, reason));
        }
        IndexSummary summary = new Indexer(dir).index(false, IndexProgress.NONE);
        out.printf("index: %d reports (%d indexed, %d unchanged)%n", summary.reports(), summary.indexed(), summary.unchanged());
        out.flush();
        return PortalRunner.serve(dir, port, out);
    }
}
