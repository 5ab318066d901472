package fazhi.crawler.importer;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.understand.PageEvidence;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.core.understand.Understanding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./portal import PATH...}: local files and folders → report records in {@code DIR/corpus/import.jsonl}.
 * Re-importing the same file is idempotent (ids come from the content); files that are not reports are counted
 * with the reason and written nowhere.
 */
public final class LocalImporter {
    private static final Logger LOG = LoggerFactory.getLogger(LocalImporter.class);
    public static final Set<String> SUPPORTED = Set.of("txt", "html", "htm", "pdf", "docx");
    public static final String CORPUS_FILE = "import";

    private final ReportUnderstanding understanding;
    private final CorpusStore store;

    public LocalImporter(ReportUnderstanding understanding, CorpusStore store) {
        this.understanding = understanding;
        this.store = store;
    }

    /** Imports every supported file below the given paths; a missing path is bad input. */
    public ImportSummary importPaths(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new BadInputException("no-such-path", "no such file or folder: " + path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(LocalImporter::isSupported).sorted().forEach(files::add);
                }
            } else if (isSupported(path)) {
                files.add(path);
            } else {
                throw new BadInputException("unsupported-file", "unsupported file type (expected .txt .html .htm .pdf .docx): " + path);
            }
        }
        Map<String, Report> reports = new LinkedHashMap<>();
        Map<Path, String> rejected = new LinkedHashMap<>();
        for (Path file : files) {
            Understanding result = understanding.understand(evidenceOf(file));
            if (result.isReport()) {
                result.reports().forEach(r -> reports.put(r.id(), r));
            } else {
                String reason = result.rejection() == null ? "no report found" : result.rejection().reason();
                LOG.info("not a report: {}: {}", file, reason);
                rejected.put(file, reason);
            }
        }
        store.append(CORPUS_FILE, reports.values());
        return new ImportSummary(files.size(), List.copyOf(reports.values()), Map.copyOf(rejected));
    }

    private static PageEvidence evidenceOf(Path file) throws IOException {
        String extension = extension(file);
        if (!extension.equals("txt")) {
            throw new UnsupportedOperationException("importing ." + extension + " files comes with the crawler's page extraction");
        }
        String text = TextDecoding.decode(Files.readAllBytes(file));
        return PageEvidence.ofText(file.toAbsolutePath().normalize().toUri().toString(), text);
    }

    private static boolean isSupported(Path file) {
        return SUPPORTED.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** What an import did: files read, reports written, and each rejected file with its reason. */
    public record ImportSummary(int filesRead, List<Report> reports, Map<Path, String> rejected) {
    }
}
