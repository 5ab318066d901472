package fazhi.bench.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bench's HTTP client: one blocking GET of {@code /api/search} per query on the calling thread, over kept-alive
 * connections ({@link HttpURLConnection}), the whole body read.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the client shares the machine's cores with the server it measures, and
 * the asynchronous client hands every request between the caller, its selector thread and its executor. Measured on
 * the 100k index, 16 clients, 1,500 distinct queries per run (a client process of its own, alternating): 2.1–2.4 ms of
 * client CPU per request with {@code HttpClient} against 0.6–1.2 ms with this, and the server answered 178–220
 * against 217–282 queries/s. The bench reports the client's CPU per request (its threads' CPU time), so the share
 * the measurement takes from the server is on record.
 */
final class HttpSearchClient {
    /** Idle connections the JDK keeps per destination (default 5): at least one per concurrent client. */
    static final String KEEP_ALIVE_PROPERTY = "http.maxConnections";

    private final String baseUrl;
    private final int timeoutMillis;

    /**
     * @param baseUrl the portal, e.g. {@code http://127.0.0.1:7070}
     * @param clients the most concurrent requests: kept-alive connections are raised to it (a JDK-wide setting,
     *                read when the JVM first keeps a connection alive, so it is set before any request)
     */
    HttpSearchClient(String baseUrl, int clients, int timeoutMillis) {
        this.baseUrl = baseUrl;
        this.timeoutMillis = timeoutMillis;
        String kept = System.getProperty(KEEP_ALIVE_PROPERTY);
        if (kept == null || Integer.parseInt(kept.strip()) < clients) {
            System.setProperty(KEEP_ALIVE_PROPERTY, String.valueOf(Math.max(5, clients)));
        }
    }

    /** GETs {@code /api/search?query} and returns the body's length; any status but 200 is an IOException with the body. */
    long search(String queryString) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + "/api/search?" + queryString).toURL().openConnection();
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        int status = c.getResponseCode();
        // Both streams are read to their end and closed, so the connection goes back to the keep-alive cache.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200) {
                throw new IOException("HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8));
            }
            return body.length;
        }
    }
}
