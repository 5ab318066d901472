package fazhi.app;

import fazhi.bench.generate.CorpusGenerator;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = "Generate a synthetic corpus for benchmarks (synthetic:// URLs, never real reports).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--reports", required = true, paramLabel = "N", description = "number of reports") int reports;
    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (same seed, same corpus)") long seed;
    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CorpusGenerator generator = CorpusGenerator.fromSamples(ProjectHome.sampleCorpus());
        CorpusGenerator.GenerateSummary summary;
        // The bar appears with the first progress, so bad input (a count below 1) is reported without one.
        ProgressBar[] bar = new ProgressBar[1];
        try {
            summary = generator.generate(data.path(), reports, seed, n -> {
                if (bar[0] == null) {
                    bar[0] = new ProgressBarBuilder().setTaskName("生成").setInitialMax(reports)
                            .setStyle(ProgressBarStyle.ASCII).setUnit(" 份报告", 1).continuousUpdate().build();
                }
                bar[0].stepTo(n);
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        spec.commandLine().getOut().printf("generated %d synthetic reports (%.1f M characters of body text, %d corpus files) in %.1f s into %s%n",
                summary.reports(), summary.chars() / 1e6, summary.files(), summary.millis() / 1000.0, data.path().resolve("corpus"));
        return PortalCli.OK;
    }
}
