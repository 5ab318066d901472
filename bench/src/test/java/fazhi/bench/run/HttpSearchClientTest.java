package fazhi.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bench's client against a real HTTP server on loopback: bodies, errors, and connections kept alive. */
class HttpSearchClientTest {
    private HttpServer server;
    /** The client ports the server saw: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/search", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            String query = exchange.getRequestURI().getRawQuery();
            boolean bad = query.contains("bad");
            byte[] body = (bad ? "{\"error\":\"查询语法错误\"}" : "{\"total\":1,\"q\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(bad ? 400 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void returnsTheBodyLengthAndReportsErrorsWithTheirBody() throws Exception {
        HttpSearchClient client = new HttpSearchClient(url(), 4, 10_000);
        assertThat(client.search("q=abc")).isEqualTo("{\"total\":1,\"q\":\"q=abc\"}".length());
        assertThatThrownBy(() -> client.search("q=bad")).isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("查询语法错误");
        // A failed request does not break the next one.
        assertThat(client.search("q=x")).isPositive();
    }

    @Test
    void keepsConnectionsAliveAcrossRequests() throws Exception {
        HttpSearchClient client = new HttpSearchClient(url(), 8, 10_000);
        assertThat(Integer.parseInt(System.getProperty(HttpSearchClient.KEEP_ALIVE_PROPERTY))).isGreaterThanOrEqualTo(8);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<?>> done = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int id = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        client.search("q=c" + id + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        // 200 requests from 4 threads: a new connection per request would be 200 ports.
        assertThat(connections).hasSizeLessThanOrEqualTo(8);
    }
}
