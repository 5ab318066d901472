package fazhi.crawler.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DIR/crawl/pages.jsonl}: one line per page handled, appended and forced to disk before the frontier marks the
 * page done. It is what makes crawls resumable and incremental: a page already handled in the current run is not
 * fetched again after a kill; a page whose bytes have not changed since an earlier run is not extracted again; a
 * changed page finds the reports its old version produced. The last line per URL wins; a torn last line is skipped.
 */
final class PageLedger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PageLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One handled page: the run, the SHA-256 of its bytes (null when not fetched), the outcome code ({@code report},
     * a rejection code or an error kind), why (for rejections and errors), the ids of the records its reports went
     * to, and the content hashes of the reports as this page gave them (a record may hold another page's version).
     */
    record Entry(int run, String url, String hash, String outcome, String reason, List<String> reports, List<String> contents) {
        Entry {
            reports = reports == null ? List.of() : List.copyOf(reports);
            contents = contents == null ? List.of() : List.copyOf(contents);
        }

        /** An outcome without reports. */
        Entry(int run, String url, String hash, String outcome, String reason) {
            this(run, url, hash, outcome, reason, List.of(), List.of());
        }
    }

    private final Map<String, Entry> latest = new HashMap<>();
    private final FileChannel channel;

    PageLedger(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int torn = 0;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        Entry entry = JSON.readValue(line, Entry.class);
                        latest.put(entry.url(), entry);
                    } catch (JsonProcessingException e) {
                        torn++; // a line cut by a kill: that page is simply handled again
                    }
                }
                if (torn > 0) {
                    LOG.warn("{}: {} unreadable line(s) skipped (interrupted writes)", file, torn);
                }
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long size = channel.size();
        channel.position(size);
        if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'})); // seal a line torn by a kill
            }
        }
    }

    synchronized Optional<Entry> latest(String url) {
        return Optional.ofNullable(latest.get(url));
    }

    /** Fetch failures that may not happen again (a timeout, a reset connection): not done, tried again on resume. */
    static final java.util.Set<String> TRANSIENT = java.util.Set.of("timeout", "io", "connect", "internal");

    /** True when the page is done in this run: handled with an outcome that another try would not change. */
    synchronized boolean handledInRun(String url, int run) {
        Entry entry = latest.get(url);
        return entry != null && entry.run() == run && !TRANSIENT.contains(entry.outcome());
    }

    synchronized long countInRun(int run, String hostKey) {
        return latest.values().stream().filter(e -> e.run() == run && HostPoliteness.hostOf(e.url()).equals(hostKey)).count();
    }

    synchronized void record(Entry entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        latest.put(entry.url(), entry);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
