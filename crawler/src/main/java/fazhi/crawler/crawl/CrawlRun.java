package fazhi.crawler.crawl;

import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.TLDList;
import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.config.CrawlSettings;
import fazhi.crawler.config.SiteConfig;
import fazhi.crawler.config.SitesFile;
import fazhi.crawler.dedup.ReportDeduplicator;
import fazhi.crawler.extract.ReportExtraction;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./portal crawl}: one crawl of the sites file into {@code DIR/corpus/crawl.jsonl}, on crawler4j with its
 * HSQLDB frontier in {@code DIR/crawl/frontier/}.
 *
 * <p>Runs: {@code DIR/crawl/run.properties} numbers the runs and says whether the last one finished. An unfinished
 * run (killed, interrupted, stopped by --max-pages) is resumed: its frontier is reopened, pages that were in
 * progress are scheduled again, and pages the ledger already shows as handled are skipped, so nothing done is
 * fetched or written twice. A finished run is followed by a fresh frontier; pages are fetched again and only
 * those whose bytes changed are extracted again (the ledger keeps each page's hash).
 */
public final class CrawlRun {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
    public static final String CORPUS_FILE = "crawl";

    private final Path dataDir;
    private final SitesFile sites;
    private final Integer maxPages;

    public CrawlRun(Path dataDir, SitesFile sites, Integer maxPages) {
        if (maxPages != null && maxPages <= 0) {
            throw new BadInputException("bad-max-pages", "--max-pages must be positive, got " + maxPages);
        }
        this.dataDir = dataDir;
        this.sites = sites;
        this.maxPages = maxPages;
    }

    /** Listener for the progress display: called about twice a second while the crawl runs. */
    public interface Progress {
        void update(long fetched, long reports, long queued, Map<String, Long> queuedByHost);

        default void done() {
        }

        Progress NONE = (fetched, reports, queued, byHost) -> { };
    }

    public CrawlSummary run(Progress progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path crawlDir = dataDir.resolve("crawl");
        Files.createDirectories(crawlDir);
        try (FileChannel lockFile = FileChannel.open(crawlDir.resolve("crawl.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new BadInputException("crawl-running", "another crawl is using " + crawlDir + " (wait for it or stop it)");
            }
            return runLocked(crawlDir, progress, started);
        }
    }

    private CrawlSummary runLocked(Path crawlDir, Progress progress, long started) throws IOException, InterruptedException {
        RunState previous = RunState.read(crawlDir.resolve("run.properties"));
        boolean resume = previous.run() > 0 && !previous.finished();
        int run = resume ? previous.run() : previous.run() + 1;
        Path frontierDir = crawlDir.resolve("frontier");
        if (!resume) {
            deleteTree(frontierDir);
        }
        Files.createDirectories(frontierDir);
        RunState.write(crawlDir.resolve("run.properties"), new RunState(run, false));
        LOG.info("crawl run {} {}", run, resume ? "resumed" : "started");
        // We hold the crawl lock, so a frontier lock file left by a killed process is stale.
        Files.deleteIfExists(frontierDir.resolve("frontier.lck"));
        try (PageLedger ledger = new PageLedger(crawlDir.resolve("pages.jsonl"))) {
            Map<String, AtomicLong> scheduledPerHost = prepareFrontier(frontierDir, ledger, run);
            LOG.debug("frontier prepared after {} ms", (System.nanoTime() - started) / 1_000_000);

            CrawlSettings settings = sites.settings();
            CrawlConfig config = crawlConfig(settings, frontierDir);
            UrlNormalizer normalizer = new UrlNormalizer();
            PageFetcher fetcher;
            HostPoliteness politeness = new HostPoliteness(sites);
            try {
                fetcher = new PageFetcher(config, normalizer, politeness);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up HTTPS: " + e.getMessage(), e);
            }
            HSQLDBFrontierConfiguration frontier = new HSQLDBFrontierConfiguration(config, settings.threads() + 4);
            RobotsPolicy robots = new RobotsPolicy(fetcher, frontier.getWebURLFactory(), settings.robotsName(), settings.maxRedirects());
            politeness.honourCrawlDelay(robots::crawlDelayMs);
            // The parser only reads pages (Jsoup); deciding them needs ReportUnderstanding, one per crawler thread.
            ReportExtraction extraction = new ReportExtraction(new ReportUnderstanding());
            LOG.debug("fetcher, frontier and understanding ready after {} ms", (System.nanoTime() - started) / 1_000_000);
            CrawlStats stats = new CrawlStats();
            ReportDeduplicator corpus = new ReportDeduplicator(new CorpusStore(dataDir), CORPUS_FILE);
            TLDList tlds = new TLDList(config);
            ReportPageParser parser = new ReportPageParser(config, normalizer, tlds, frontier.getWebURLFactory(), extraction);
            LOG.debug("corpus of {} and parser ready after {} ms", dataDir, (System.nanoTime() - started) / 1_000_000);
            CrawlController controller = new CrawlController(config, normalizer, fetcher, parser, robots, tlds, frontier);
            CrawlContext ctx = new CrawlContext(sites, run, maxPages, corpus, ledger, stats, robots, fetcher,
                    frontier.getWebURLFactory(), normalizer, new ConcurrentHashMap<>(scheduledPerHost), null, null);
            for (SiteConfig site : sites.sites()) {
                for (String seed : site.seeds()) {
                    if (!resume) { // a seed is a page of its host like any other: it counts toward the host's cap
                        ctx.scheduledPerHost().computeIfAbsent(HostPoliteness.hostOf(normalizer.filter(seed)), h -> new AtomicLong()).incrementAndGet();
                    }
                    controller.addSeed(seed);
                }
            }
            LOG.debug("seeds added after {} ms", (System.nanoTime() - started) / 1_000_000);
            Thread display = progressThread(progress, stats, frontierDir);
            try {
                controller.start(() -> new ReportCrawler(ctx, new ReportExtraction(new ReportUnderstanding())), settings.threads());
            } catch (RuntimeException e) {
                throw new IllegalStateException("crawl failed: " + e.getMessage(), e);
            } finally {
                display.interrupt();
                display.join(2000);
                progress.done();
            }
            fetcher.shutDown();
            frontier.close();
            boolean finished = unfinishedPages(frontierDir) == 0;
            RunState.write(crawlDir.resolve("run.properties"), new RunState(run, finished));
            return new CrawlSummary(stats.fetched.get(), stats.reportsNew.sum(), stats.reportsNewUrl.sum(), stats.unchanged.sum(),
                    CrawlStats.snapshot(stats.rejected), CrawlStats.snapshot(stats.errors), robots.exclusions(),
                    CrawlStats.snapshot(stats.capped), finished, resume, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the crawl: " + e.getMessage(), e);
        }
    }

    private static CrawlConfig crawlConfig(CrawlSettings settings, Path frontierDir) {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(frontierDir.toString());
        config.setResumableCrawling(true);
        config.setPolitenessDelay(0); // HostPoliteness applies each site's own delay
        config.setMaxDepthOfCrawling(-1); // each site's maxDepth is applied in ReportCrawler.shouldVisit
        config.setMaxPagesToFetch(-1);
        config.setUserAgentString(settings.userAgent());
        config.setIncludeHttpsPages(true);
        config.setIncludeBinaryContentInCrawling(true);
        config.setProcessBinaryContentInCrawling(false);
        config.setMaxConnectionsPerHost(1); // at most one request in flight per host
        config.setMaxTotalConnections(Math.max(8, settings.threads() * 4));
        config.setConnectionTimeout(settings.connectTimeoutMs());
        config.setSocketTimeout(settings.readTimeoutMs());
        config.setMaxDownloadSize(settings.maxPageBytes());
        config.setFollowRedirects(true);
        config.setShutdownOnEmptyQueue(true);
        config.setOnlineTldListUpdate(false);
        config.setRespectNoFollow(true);
        config.setRespectNoIndex(true);
        config.setHaltOnError(false);
        // The controller ends the crawl when every thread waits on an empty queue; only crawler threads add URLs, so
        // once that is seen there is nothing to wait for (the defaults add ~30 s to every crawl).
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(0);
        config.setCleanupDelaySeconds(1);
        config.setBatchReadSize(2);
        config.setLanguageDetection(false);
        return config;
    }

    private static String jdbcUrl(Path frontierDir) {
        return "jdbc:hsqldb:file:" + frontierDir + "/frontier;sql.syntax_pgs=true";
    }

    /**
     * Before crawler4j opens the frontier: make every commit durable (a kill loses nothing committed), put pages that
     * were in progress at a kill back in the queue, and count the URLs already scheduled per host for the page caps.
     */
    private static Map<String, AtomicLong> prepareFrontier(Path frontierDir, PageLedger ledger, int run) {
        Map<String, AtomicLong> perHost = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(frontierDir), "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET FILES WRITE DELAY FALSE");
            if (tableExists(c)) {
                // IN_PROCESS: taken by a crawler thread that died with the process. NULL: crawler4j gives a URL its id
                // (one commit) before it schedules it (another commit); a kill between the two would lose the URL for
                // good, since its page will not be parsed again. Both go back to the queue; ReportCrawler checks
                // robots.txt again before fetching (seeds get their id before their robots.txt check).
                int requeued = s.executeUpdate("UPDATE weburl SET status = 'SCHEDULED', cdepth = COALESCE(cdepth, 0), "
                        + "priority = COALESCE(priority, 0), parentid = COALESCE(parentid, 0) WHERE status IS NULL OR status = 'IN_PROCESS'");
                if (requeued > 0) {
                    LOG.info("{} page(s) in progress or being scheduled at the interruption are scheduled again", requeued);
                }
                // COMPLETED only says that a crawler thread came back from the page, not that the page was handled:
                // crawler4j marks it so even when --max-pages shut the fetcher down under its fetch or its
                // extraction was interrupted (nothing recorded, its links never scheduled), and a list page lost
                // that way loses every page only it links to. The ledger says what is done; the rest goes back.
                int unhandled = 0;
                try (PreparedStatement requeue = c.prepareStatement("UPDATE weburl SET status = 'SCHEDULED' WHERE id = ?");
                     ResultSet rs = s.executeQuery("SELECT id, url FROM weburl WHERE status = 'COMPLETED'")) {
                    while (rs.next()) {
                        if (!ledger.handledInRun(rs.getString(2), run)) {
                            requeue.setInt(1, rs.getInt(1));
                            unhandled += requeue.executeUpdate();
                        }
                    }
                }
                if (unhandled > 0) {
                    LOG.info("{} page(s) marked completed but not handled before the interruption are scheduled again", unhandled);
                }
                try (ResultSet rs = s.executeQuery("SELECT url FROM weburl")) {
                    while (rs.next()) {
                        perHost.computeIfAbsent(HostPoliteness.hostOf(rs.getString(1)), h -> new AtomicLong()).incrementAndGet();
                    }
                }
            }
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the crawl frontier in " + frontierDir + ": " + e.getMessage(), e);
        }
        return perHost;
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "WEBURL", null)) {
            return rs.next();
        }
    }

    /** Pages still queued or in progress after the crawl stopped; zero means the run finished. */
    private static long unfinishedPages(Path frontierDir) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(frontierDir), "sa", ""); Statement s = c.createStatement()) {
            long count = 0;
            if (tableExists(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM weburl WHERE status IN ('SCHEDULED', 'IN_PROCESS')")) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            s.execute("SHUTDOWN");
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the crawl frontier in " + frontierDir + ": " + e.getMessage(), e);
        }
    }

    private static Thread progressThread(Progress progress, CrawlStats stats, Path frontierDir) {
        if (progress == Progress.NONE) {
            return new Thread(() -> { });
        }
        Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Map<String, Long> byHost = new HashMap<>();
                    long queued = 0;
                    try (Connection c = DriverManager.getConnection(jdbcUrl(frontierDir), "sa", "");
                         Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT url FROM weburl WHERE status = 'SCHEDULED'")) {
                        while (rs.next()) {
                            byHost.merge(HostPoliteness.hostOf(rs.getString(1)), 1L, Long::sum);
                            queued++;
                        }
                    } catch (SQLException e) {
                        LOG.debug("progress: frontier not readable now: {}", e.getMessage());
                    }
                    progress.update(stats.fetched.get(), stats.reportsNew.sum() + stats.reportsNewUrl.sum(), queued, byHost);
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the crawl ended
            }
        }, "crawl-progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The run number and whether it finished, kept in {@code DIR/crawl/run.properties} (written atomically). */
    record RunState(int run, boolean finished) {
        static RunState read(Path file) throws IOException {
            if (!Files.exists(file)) {
                return new RunState(0, true);
            }
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new RunState(Integer.parseInt(p.getProperty("run", "0")), Boolean.parseBoolean(p.getProperty("finished", "true")));
        }

        static void write(Path file, RunState state) throws IOException {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, "run=" + state.run() + "\nfinished=" + state.finished() + "\n");
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
