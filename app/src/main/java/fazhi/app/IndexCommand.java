package fazhi.app;

import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.IndexSummary;
import fazhi.indexer.index.Indexer;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "index", description = "Build or update the search index of DIR from DIR/corpus.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--rebuild", description = "rebuild from scratch instead of updating incrementally")
    boolean rebuild;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Indexer indexer = new Indexer(data.existing());
        IndexSummary summary;
        try (BarProgress progress = new BarProgress()) {
            summary = indexer.index(rebuild, progress);
        }
        var out = spec.commandLine().getOut();
        out.printf("%s: %d reports (%d indexed, %d unchanged, %d deleted) in %s%n",
                summary.rebuilt() ? "rebuilt" : "updated", summary.reports(), summary.indexed(), summary.unchanged(),
                summary.deleted(), Indexer.indexDirectory(data.path()));
        summary.problems().forEach(p -> out.println("  skipped " + p));
        return PortalCli.OK;
    }

    /** The indexer's progress on a console progress bar (stderr, so stdout stays parseable). */
    private static final class BarProgress implements IndexProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void start(long expected) {
            bar = new ProgressBarBuilder().setTaskName("索引").setInitialMax(Math.max(1, expected))
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" 份报告", 1).continuousUpdate().build();
        }

        @Override
        public void advance() {
            bar.step();
        }

        @Override
        public void finish(long reports) {
            bar.maxHint(reports);
            bar.stepTo(reports);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
