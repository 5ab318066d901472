package fazhi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Report;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.importer.LocalImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web tests index a snapshot of the bundled samples (web/src/test/resources/fazhi/web/sample-corpus.jsonl)
 * because the web module must not depend on the crawler's importer. This test, in the one module that sees both,
 * imports samples/seeds with the current importer and fails when the snapshot is not exactly what it writes, so the
 * snapshot cannot go stale silently when report understanding changes. On failure the fresh snapshot is written to
 * app/target/ to be reviewed and copied over the old one.
 */
class WebSampleSnapshotTest {
    static final Path SNAPSHOT = Path.of("web", "src", "test", "resources", "fazhi", "web", "sample-corpus.jsonl");
    /** The snapshot's file:// URLs start here instead of at the checkout, which differs between machines. */
    static final String PORTABLE_HOME = "file:///project/";

    @TempDir
    Path data;

    @Test
    void webSampleSnapshotIsWhatTheImporterWritesForTheBundledSamples() throws IOException {
        CorpusStore store = new CorpusStore(data);
        LocalImporter.ImportSummary summary = new LocalImporter(new ReportUnderstanding(), store)
                .importPaths(List.of(ProjectHome.sampleCorpus()));
        assertThat(summary.rejected()).isEmpty();
        assertThat(store.files()).hasSize(1);

        String checkout = ProjectHome.path().toUri().toString(); // file:///…/ with the trailing slash of a directory
        assertThat(checkout).endsWith("/");
        List<String> fresh = new ArrayList<>();
        for (String line : Files.readAllLines(store.files().getFirst(), StandardCharsets.UTF_8)) {
            fresh.add(line.replace("\"" + checkout, "\"" + PORTABLE_HOME));
        }
        assertThat(fresh).hasSize(summary.reports().size()).noneMatch(line -> line.contains(checkout));

        Path snapshotFile = ProjectHome.path().resolve(SNAPSHOT);
        List<String> snapshot = Files.readAllLines(snapshotFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        if (!fresh.equals(snapshot)) {
            Path written = Files.createDirectories(Path.of("target")).resolve("sample-corpus.jsonl").toAbsolutePath();
            Files.write(written, fresh, StandardCharsets.UTF_8);
            assertThat(fresh).as("%s is stale (%s). The current importer's output is in %s: review it and copy it over the"
                    + " snapshot (or run './portal import --data /tmp/x samples/seeds' and replace %s by %s), then update the"
                    + " web tests it breaks", snapshotFile, differences(snapshot, fresh), written, checkout, PORTABLE_HOME)
                    .isEqualTo(snapshot);
        }
    }

    /** Which report ids the snapshot lacks, has in excess, or has with other content (lines of identical records aside). */
    static String differences(List<String> snapshot, List<String> fresh) {
        Map<String, String> old = byId(snapshot);
        Map<String, String> now = byId(fresh);
        List<String> parts = new ArrayList<>();
        now.keySet().stream().filter(id -> !old.containsKey(id)).forEach(id -> parts.add("missing " + id));
        old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id -> parts.add("obsolete " + id));
        now.keySet().stream().filter(id -> old.containsKey(id) && !Objects.equals(old.get(id), now.get(id)))
                .forEach(id -> parts.add("changed " + id));
        return parts.isEmpty() ? "same records, other order or formatting" : String.join(", ", parts);
    }

    private static Map<String, String> byId(List<String> lines) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            try {
                Report report = ReportJson.fromLine(line);
                byId.put(report.id(), line);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("unreadable snapshot line: " + line, e);
            }
        }
        return byId;
    }
}
