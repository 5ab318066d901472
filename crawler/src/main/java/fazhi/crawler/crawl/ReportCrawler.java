package fazhi.crawler.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.crawler.exceptions.PageBiggerThanMaxSizeException;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.url.WebURL;
import fazhi.core.model.Attachment;
import fazhi.core.model.Report;
import fazhi.crawler.config.SiteConfig;
import fazhi.crawler.dedup.ReportDeduplicator;
import fazhi.crawler.extract.PageExtractor;
import fazhi.crawler.extract.PageOutcome;
import fazhi.crawler.extract.ReportExtraction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawler thread: decides which links to follow (allow prefixes, caps, redirect chains, resources) and what each
 * fetched page is (report, rejected with a reason, unchanged since the last crawl), writing reports through the
 * deduplicating corpus writer and every outcome to the page ledger.
 */
final class ReportCrawler extends WebCrawler {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCrawler.class);
    private static final Pattern RESOURCE = Pattern.compile(
            "(?i).*\\.(css|js|json|xml|rss|jpg|jpeg|png|gif|bmp|ico|svg|webp|tif|tiff|mp3|mp4|avi|flv|wmv|mov|swf|zip|rar|7z|gz|tar|exe|apk|xls|xlsx|et|ppt|pptx|txt|csv|woff2?|ttf|eot)$");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("(?i).*(pdf|msword|officedocument|wps|kswps|octet-stream).*");

    private final CrawlContext ctx;
    /** Each thread its own: ReportUnderstanding's contract does not promise thread safety. */
    private final ReportExtraction extraction;

    ReportCrawler(CrawlContext ctx, ReportExtraction extraction) {
        this.ctx = ctx;
        this.extraction = extraction;
    }

    // ---- what to follow -------------------------------------------------------------------------------------

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        if (!super.shouldVisit(referringPage, url)) {
            return false;
        }
        String address = url.getURL();
        Optional<SiteConfig> site = ctx.sites().siteFor(address);
        if (site.isEmpty()) {
            return false;
        }
        String path = pathOf(address);
        if (RESOURCE.matcher(path).matches()) {
            return false;
        }
        if (PageExtractor.isAttachmentUrl(address)) {
            // Attachments of article pages are read with their page; standalone documents are followed from lists.
            boolean fromList = referringPage != null && referringPage.getParseData() instanceof ReportPageParser.Extracted e && e.page.listPage();
            if (!fromList) {
                return false;
            }
        }
        if (referringPage != null && referringPage.isRedirect()) {
            int hops = ctx.redirectHops().getOrDefault(referringPage.getWebURL().getURL(), 0) + 1;
            if (hops > ctx.sites().settings().maxRedirects()) {
                ctx.stats().error("too-many-redirects");
                LOG.info("not following {}: more than {} redirects", address, ctx.sites().settings().maxRedirects());
                return false;
            }
            ctx.redirectHops().put(address, hops);
        }
        if (url.getDepth() > site.get().maxDepth()) {
            ctx.stats().cap("depth");
            LOG.debug("depth cap {} reached at {}", site.get().maxDepth(), address);
            return false;
        }
        AtomicLong scheduled = ctx.scheduledPerHost().computeIfAbsent(HostPoliteness.hostOf(address), h -> new AtomicLong());
        if (scheduled.incrementAndGet() > site.get().maxPages()) {
            ctx.stats().cap("host-pages");
            LOG.debug("page cap {} reached for {}", site.get().maxPages(), address);
            return false;
        }
        return true;
    }

    @Override
    protected WebURL handleUrlBeforeProcess(WebURL url) {
        if (ctx.ledger().handledInRun(url.getURL(), ctx.run())) {
            LOG.debug("already handled before the restart: {}", url.getURL());
            myController.getFrontier().setProcessed(url);
            return null;
        }
        if (!ctx.robots().allows(url.getURL())) {
            // Normally checked when the URL was scheduled; URLs put back in the queue after a kill are checked here.
            myController.getFrontier().setProcessed(url);
            return null;
        }
        if (ctx.maxPages() != null && ctx.taken().incrementAndGet() > ctx.maxPages()) {
            if (!myController.isShuttingDown()) {
                LOG.info("--max-pages {} reached: stopping (the next crawl resumes here)", ctx.maxPages());
                myController.shutdown();
            }
            return null;
        }
        return url;
    }

    // ---- what a page is -------------------------------------------------------------------------------------

    @Override
    public void visit(Page page) {
        String url = page.getWebURL().getURL();
        ctx.stats().fetchedFrom(HostPoliteness.hostOf(url));
        byte[] bytes = page.getContentData() == null ? new byte[0] : page.getContentData();
        String hash = sha256(bytes);
        Optional<PageLedger.Entry> previous = ctx.ledger().latest(url);
        if (previous.isPresent() && previous.get().run() < ctx.run() && hash.equals(previous.get().hash()) && !page.isTruncated()) {
            ctx.stats().unchanged.increment();
            record(new PageLedger.Entry(ctx.run(), url, hash, previous.get().outcome(), previous.get().reason(), previous.get().reports(),
                    previous.get().contents()));
            LOG.debug("unchanged since the last crawl: {}", url);
            return;
        }
        String region = ctx.sites().siteFor(url).map(SiteConfig::region).orElse(null);
        PageOutcome outcome;
        try {
            if (page.isTruncated()) {
                outcome = ReportExtraction.truncated(url, ctx.sites().settings().maxPageBytes());
            } else if (page.getParseData() instanceof ReportPageParser.Extracted extracted) {
                outcome = extraction.fromHtml(extracted.page, region, this::fetchAttachment);
            } else if (PageExtractor.isAttachmentUrl(url) || (page.getContentType() != null && DOCUMENT_TYPE.matcher(page.getContentType()).matches())) {
                outcome = extraction.fromDocument(bytes, pathOf(url), url, page.getWebURL().getAnchor(), region);
            } else {
                outcome = ReportExtraction.unsupported(url, page.getContentType());
            }
        } catch (IOException e) {
            ctx.stats().reject("unreadable-document");
            LOG.info("rejected {} [unreadable-document]: {}", url, e.getMessage());
            record(new PageLedger.Entry(ctx.run(), url, hash, "unreadable-document", e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the page stays unfinished and is handled again on resume
        }
        List<String> ids = new ArrayList<>();
        if (outcome.isReport()) {
            try {
                ids.addAll(store(url, outcome.reports(), previous.filter(p -> p.run() < ctx.run() && !p.reports().isEmpty())));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the corpus: " + e.getMessage(), e);
            }
        } else {
            ctx.stats().reject(outcome.rejection().code());
            LOG.info("rejected {} [{}]: {}", url, outcome.rejection().code(), outcome.rejection().reason());
        }
        record(new PageLedger.Entry(ctx.run(), url, hash, outcome.isReport() ? "report" : outcome.rejection().code(),
                outcome.isReport() ? null : outcome.rejection().reason(), ids, outcome.reports().stream().map(Report::contentHash).toList()));
    }

    /**
     * Writes the reports of a page. A page that changed since an earlier crawl replaces its old records: an old record
     * seen only here keeps its id with the new content; one seen elsewhere too just loses this URL.
     */
    private List<String> store(String url, List<Report> reports, Optional<PageLedger.Entry> changedFrom) throws IOException {
        List<String> oldIds = changedFrom.map(PageLedger.Entry::reports).orElse(List.of());
        List<String> oldContents = changedFrom.map(PageLedger.Entry::contents).orElse(List.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            Optional<Report> old = i < oldIds.size() ? ctx.corpus().byId(oldIds.get(i)) : Optional.empty();
            if (old.isPresent() && old.get().urls().contains(report.url()) && i < oldContents.size()
                    && oldContents.get(i).equals(report.contentHash())) {
                // The bytes changed (a visit counter, a date in the template) but not the report this page gives.
                ctx.stats().unchanged.increment();
                ids.add(old.get().id());
                continue;
            }
            if (old.isPresent() && old.get().urls().equals(List.of(report.url()))) {
                Report replacement = new Report(old.get().id(), report.url(), report.urls(), report.title(), report.issuer(), report.level(),
                        report.year(), report.published(), report.region(), report.site(), report.sections(), report.attachments(), report.contentHash());
                ctx.corpus().replace(replacement);
                ctx.stats().reportsNew.increment();
                ids.add(replacement.id());
                LOG.info("report changed, record {} replaced: {} — {}", replacement.id(), url, report.title());
                continue;
            }
            if (old.isPresent()) {
                List<String> remaining = new ArrayList<>(old.get().urls());
                remaining.remove(report.url());
                if (!remaining.isEmpty()) {
                    ctx.corpus().replace(old.get().withUrls(remaining));
                }
            }
            ReportDeduplicator.Written written = ctx.corpus().write(report);
            switch (written.effect()) {
                case NEW -> {
                    ctx.stats().reportsNew.increment();
                    LOG.info("report: {} — {}", url, report.title());
                }
                case NEW_URL -> {
                    ctx.stats().reportsNewUrl.increment();
                    LOG.info("report already known as {}, URL added: {}", written.record().id(), url);
                }
                case KNOWN -> LOG.debug("report already recorded for {}", url);
            }
            ids.add(written.record().id());
        }
        return ids;
    }

    /** Fetches a report attachment through the crawl's fetcher: robots.txt, politeness, size cap, redirects. */
    @SuppressWarnings("try") // crawler4j's PageFetchResult.close() declares Exception; it only releases the connection
    private Optional<byte[]> fetchAttachment(Attachment attachment) throws InterruptedException {
        String address = ctx.normalizer().filter(attachment.url());
        int maxBytes = ctx.sites().settings().maxPageBytes();
        for (int hop = 0; address != null && hop <= ctx.sites().settings().maxRedirects(); hop++) {
            if (!ctx.robots().allows(address)) {
                return Optional.empty();
            }
            WebURL webUrl = ctx.urls().newWebUrl();
            webUrl.setURL(address);
            try (PageFetchResult result = ctx.fetcher().fetchPage(webUrl)) {
                int status = result.getStatusCode();
                if (status / 100 == 3 && result.getMovedToUrl() != null) {
                    address = result.getMovedToUrl();
                    result.discardContentIfNotConsumed();
                    continue;
                }
                if (status / 100 != 2) {
                    result.discardContentIfNotConsumed();
                    ctx.stats().error("attachment-http-" + status);
                    LOG.info("attachment {}: HTTP {}", address, status);
                    return Optional.empty();
                }
                Page page = new Page(webUrl);
                if (!result.fetchContent(page, maxBytes) || page.isTruncated()) {
                    ctx.stats().error("attachment-too-large");
                    LOG.info("attachment {} exceeds the size cap of {} bytes: not read", address, maxBytes);
                    return Optional.empty();
                }
                ctx.stats().fetchedFrom(HostPoliteness.hostOf(address));
                return Optional.ofNullable(page.getContentData());
            } catch (PageBiggerThanMaxSizeException e) {
                ctx.stats().error("attachment-too-large");
                LOG.info("attachment {} exceeds the size cap of {} bytes: not read", address, maxBytes);
                return Optional.empty();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (myController.isShuttingDown()) {
                    // --max-pages shut the fetcher down under this fetch: judging the page without its attachment
                    // would record it as done (rejected) and lose a report published only as an attachment.
                    throw new InterruptedException("crawl shutting down: attachment " + address + " not fetched (" + e + ")");
                }
                ctx.stats().error("attachment-" + errorKind(e));
                LOG.info("attachment {}: {}", address, e.toString());
                return Optional.empty();
            }
        }
        ctx.stats().error("attachment-too-many-redirects");
        return Optional.empty();
    }

    // ---- what went wrong ------------------------------------------------------------------------------------

    @Override
    protected void onUnexpectedStatusCode(String url, int statusCode, String contentType, String description) {
        ctx.stats().error("http-" + statusCode);
        LOG.info("HTTP {} for {}", statusCode, url);
        record(new PageLedger.Entry(ctx.run(), url, null, "http-" + statusCode, description));
    }

    @Override
    protected void onPageBiggerThanMaxSize(Page page, long pageSize) {
        String url = page.getWebURL().getURL();
        ctx.stats().reject("truncated");
        LOG.info("rejected {} [truncated]: {} bytes exceed the size cap of {}", url, pageSize, ctx.sites().settings().maxPageBytes());
        record(new PageLedger.Entry(ctx.run(), url, null, "truncated", pageSize + " bytes exceed the size cap"));
    }

    @Override
    protected void onContentFetchError(Page page, Exception e) {
        failed(page == null ? null : page.getWebURL().getURL(), e);
    }

    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        failed(page == null || page.getWebURL() == null ? null : page.getWebURL().getURL(), e);
    }

    @Override
    protected void onParseError(WebURL url, Exception e) {
        ctx.stats().error("parse");
        LOG.info("cannot parse {}: {}", url.getURL(), e.toString());
    }

    private void failed(String url, Throwable e) {
        if (myController.isShuttingDown()) {
            // --max-pages stopped the crawl and closed the connections under this fetch: not the page's fault.
            LOG.debug("fetch of {} cut by the shutdown: {}", url, e.toString());
            return;
        }
        String kind = errorKind(e);
        ctx.stats().error(kind);
        LOG.info("fetch failed [{}] {}: {}", kind, url, e.toString());
        if (url != null) {
            record(new PageLedger.Entry(ctx.run(), url, null, kind, e.toString()));
        }
    }

    private static String errorKind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (t instanceof ConnectException) {
                return "connect";
            }
        }
        return e instanceof IOException ? "io" : "internal";
    }

    private void record(PageLedger.Entry entry) {
        try {
            ctx.ledger().record(entry);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the page ledger: " + e.getMessage(), e);
        }
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? "" : path.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.toLowerCase(Locale.ROOT);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
