package fazhi.app;

import fazhi.crawler.config.SitesFile;
import fazhi.crawler.crawl.CrawlRun;
import fazhi.crawler.crawl.CrawlSummary;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "crawl", description = "Crawl the sites of a sites file and write the reports found to DIR/corpus.")
final class CrawlCommand implements Callable<Integer> {
    @Option(names = "--sites", required = true, paramLabel = "FILE", description = "sites file (YAML)")
    Path sites;

    @Mixin
    DataDirOption data;

    @Option(names = "--max-pages", paramLabel = "N", description = "stop after N fetched pages (the next crawl resumes)")
    Integer maxPages;

    @Option(names = "--no-progress", description = "no progress bar (logs only)")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SitesFile sitesFile = SitesFile.read(sites);
        CrawlRun run = new CrawlRun(data.path(), sitesFile, maxPages);
        CrawlSummary summary;
        if (noProgress || System.console() == null && !Boolean.getBoolean("portal.progress")) {
            summary = run.run(CrawlRun.Progress.NONE);
        } else {
            try (ProgressBar bar = ProgressBar.builder().setTaskName("抓取 crawl").setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" pages", 1).build()) {
                summary = run.run((fetched, reports, queued, byHost) -> {
                    bar.stepTo(fetched);
                    bar.setExtraMessage(" reports " + reports + ", queue " + queued + topHosts(byHost));
                });
            }
        }
        spec.commandLine().getOut().print(summary.describe());
        spec.commandLine().getOut().flush();
        return PortalCli.OK;
    }

    private static String topHosts(Map<String, Long> byHost) {
        if (byHost.isEmpty()) {
            return "";
        }
        return " (" + byHost.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> e.getKey().replaceFirst(":-1$", "") + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }
}
