package fazhi.crawler.crawl;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the fixture web by hand, for trying {@code ./portal crawl} end to end: writes the sites file to the given
 * folder, prints the hosts, and serves until the process is stopped.
 */
public final class FixtureWebMain {
    private FixtureWebMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "."));
        int delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        FixtureWeb web = new FixtureWeb().start();
        Path sites = web.writeSites(dir, delayMs);
        System.out.println("fixture web: A " + web.a.base() + "  B " + web.b.base() + "  C " + web.c.base() + "  D " + web.d.base()
                + "  E " + web.e.base());
        System.out.println("sites file: " + sites);
        Thread.currentThread().join();
    }
}
