package fazhi.crawler.crawl;

import fazhi.crawler.config.SitesFile;
import java.nio.file.Path;

/** A crawl in its own JVM, so that a test can kill it for real (SIGKILL) and start it again. */
public final class CrawlProcessMain {
    private CrawlProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        CrawlSummary summary = new CrawlRun(Path.of(args[0]), SitesFile.read(Path.of(args[1])), null).run(CrawlRun.Progress.NONE);
        System.out.print(summary.describe());
    }
}
