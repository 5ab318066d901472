package fazhi.bench.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The real server as a child process ({@code ./portal serve --data DIR --port P} through the same JVM and class path),
 * on 127.0.0.1 and a free port, stopped (destroy, then destroyForcibly) when closed. The command is supplied by the
 * caller (the CLI), so the bench module needs no compile-time dependency on the web module.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server and waits until /api/search answers 200; null plus a reason when it cannot serve. */
    static ServerProcess start(BiFunction<Path, Integer, List<String>> command, Path dataDir, Path workDir,
                               Duration timeout, StringBuilder whyNot) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = workDir.resolve("server.log");
        List<String> cmd = new ArrayList<>(command.apply(dataDir, port));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(p, port, log);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                whyNot.append("server exited with ").append(p.exitValue()).append(": ").append(server.lastLog());
                return null;
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(server.uri("/api/search?q=" + java.net.URLEncoder.encode("法治", StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        whyNot.append("server did not answer /api/search within ").append(timeout.toSeconds()).append(" s: ").append(server.lastLog());
        return null;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private String lastLog() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
