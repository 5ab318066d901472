package fazhi.app;

import fazhi.core.BadInputException;
import fazhi.indexer.search.SearchService;
import fazhi.web.PortalServer;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a data directory until the process is stopped (Ctrl-C / SIGTERM): the shutdown hook stops the server first,
 * then closes the index, so no request sees a closed searcher. Shared by {@code serve} and {@code demo}.
 */
final class PortalRunner {
    private PortalRunner() {
    }

    static int serve(Path dataDir, int port, PrintWriter out) throws Exception {
        if (port < 0 || port > 65535) {
            throw new BadInputException("bad-port", "port must be between 0 and 65535: " + port);
        }
        SearchService search = SearchService.open(dataDir);
        PortalServer server;
        try {
            server = PortalServer.start(search, port);
        } catch (JavalinBindException e) {
            search.close();
            throw new BadInputException("port-in-use", "port " + port + " on 127.0.0.1 is already in use (choose another with --port)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                search.close();
                out.println("portal: stopped");
                out.flush();
            } catch (Exception e) {
                System.err.println("portal: error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "portal-shutdown"));
        out.printf("法治报告库 serving %d reports from %s%n", search.reportCount(), dataDir);
        out.printf("open %s/ (Ctrl-C to stop)%n", server.url());
        out.flush();
        stopped.await();
        return PortalCli.OK;
    }
}
