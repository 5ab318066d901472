package fazhi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./portal demo} as a user runs it: imports and indexes the bundled samples, serves them, stops on SIGTERM. */
class DemoIT {
    @TempDir
    Path data;

    @Test
    void demoServesTheSampleCorpus() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process demo = PortalProcess.start("demo", "--port", Integer.toString(port), "--data", data.toString());
        // Own threads, not the common pool: on a 2-core machine it has a single worker, which the drain would occupy.
        Thread stderr = Thread.ofPlatform().daemon().start(() -> drain(demo));
        try {
            String url = awaitUrl(demo);
            assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/");
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Type").orElseThrow()).contains("text/html").containsIgnoringCase("utf-8");
            assertThat(home.body()).contains("法治报告库");

            String q = URLEncoder.encode("民情茶室", StandardCharsets.UTF_8);
            HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(url + "api/search?q=" + q)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            JsonNode result = new ObjectMapper().readTree(api.body());
            assertThat(result.get("total").asLong()).isPositive();
            List<String> titles = new ArrayList<>();
            result.get("hits").forEach(h -> titles.add(h.get("title").asText()));
            assertThat(titles).anyMatch(t -> t.contains("统景镇"));
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the server and closes the index
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
                throw new AssertionError("demo did not stop within 30 s of SIGTERM");
            }
            stderr.join(10_000);
        }
    }

    /** Reads the demo's stdout until it prints the URL it serves (it imports and indexes first). */
    private static String awaitUrl(Process demo) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    int at = line.indexOf("http://");
                    if (line.startsWith("open ") && at >= 0 && !url.isDone()) {
                        url.complete(line.substring(at, line.indexOf(' ', at) < 0 ? line.length() : line.indexOf(' ', at)));
                    }
                }
                url.completeExceptionally(new AssertionError("demo stopped without serving (exit " + demo.waitFor() + ")"));
            } catch (IOException | InterruptedException e) {
                url.completeExceptionally(e);
            }
        });
        return url.get(3, TimeUnit.MINUTES);
    }

    private static void drain(Process demo) {
        try {
            demo.getErrorStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // the child went away; nothing left to read
        }
    }
}
