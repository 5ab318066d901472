package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "crawl", description = "Crawl the sites of a sites file and write the reports found to DIR/corpus.")
final class CrawlCommand implements Callable<Integer> {
    @Option(names = "--sites", required = true, paramLabel = "FILE", description = "sites file (YAML)")
    java.nio.file.Path sites;

    @Mixin
    DataDirOption data;

    @Option(names = "--max-pages", paramLabel = "N", description = "stop after N fetched pages")
    Integer maxPages;
    @Override
    public Integer call() {
        System.err.println("portal crawl: not yet available (work of issue #3)");
        return PortalCli.INTERNAL;
    }
}
