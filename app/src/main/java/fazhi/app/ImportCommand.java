package fazhi.app;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.importer.LocalImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import local .html .htm .txt .pdf .docx files or folders into DIR/corpus.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LocalImporter importer = new LocalImporter(new ReportUnderstanding(), new CorpusStore(data.path()));
        LocalImporter.ImportSummary summary = importer.importPaths(paths);
        var out = spec.commandLine().getOut();
        out.printf("read %d files: %d reports written to %s, %d files rejected%n",
                summary.filesRead(), summary.reports().size(), data.path().resolve("corpus"), summary.rejected().size());
        summary.rejected().forEach((file, reason) -> out.printf("  rejected %s: %s%n", file, reason));
        return PortalCli.OK;
    }
}
