package fazhi.web;

import fazhi.core.corpus.CorpusStore;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Report;
import fazhi.indexer.index.IndexProgress;
import fazhi.indexer.index.Indexer;
import fazhi.indexer.search.SearchService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The real portal for tests: the sample corpus plus the fixture records beside the tests, written as a corpus,
 * indexed by the real Indexer, searched by the real SearchService, served on a free port of 127.0.0.1.
 * sample-corpus.jsonl is what the importer writes for samples/seeds (web cannot depend on the crawler to import them
 * itself); app's WebSampleSnapshotTest fails when it no longer is, and says how to regenerate it.
 */
final class TestPortal implements AutoCloseable {
    /** Exports are named with this date. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneId.of("Asia/Shanghai"));

    final Path dataDir;
    final List<Report> reports;
    final SearchService search;
    final PortalServer server;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestPortal(Path dataDir, List<Report> reports, SearchService search, PortalServer server) {
        this.dataDir = dataDir;
        this.reports = reports;
        this.search = search;
        this.server = server;
    }

    static TestPortal start(Path dataDir) throws IOException {
        List<Report> reports = new ArrayList<>(read("sample-corpus.jsonl"));
        reports.addAll(read("fixture-corpus.jsonl"));
        new CorpusStore(dataDir).append("test", reports);
        new Indexer(dataDir).index(false, IndexProgress.NONE);
        SearchService search = SearchService.open(dataDir);
        return new TestPortal(dataDir, List.copyOf(reports), search, PortalServer.start(search, 0, CLOCK));
    }

    static List<Report> read(String resource) throws IOException {
        List<Report> reports = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TestPortal.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    reports.add(ReportJson.fromLine(line));
                }
            }
        }
        return reports;
    }

    Report report(String id) {
        return reports.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    String url(String pathAndQuery) {
        return server.url() + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        search.close();
    }
}
