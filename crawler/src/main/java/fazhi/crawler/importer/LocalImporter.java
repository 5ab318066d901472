package fazhi.crawler.importer;

import fazhi.core.BadInputException;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Report;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.extract.PageOutcome;
import fazhi.crawler.extract.ReportExtraction;
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

    private final ReportExtraction extraction;
    private final CorpusStore store;

    public LocalImporter(ReportUnderstanding understanding, CorpusStore store) {
        this.extraction = new ReportExtraction(understanding);
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
            PageOutcome result;
            try {
                result = outcomeOf(file);
            } catch (IOException e) {
                LOG.warn("unreadable file {}: {}", file, e.getMessage());
                rejected.put(file, "无法读取 (unreadable): " + e.getMessage());
                continue;
            }
            if (result.isReport()) {
                result.reports().forEach(r -> reports.put(r.id(), r));
            } else {
                String reason = result.rejection().code() + ": " + result.rejection().reason();
                LOG.info("not a report: {}: {}", file, reason);
                rejected.put(file, reason);
            }
        }
        store.append(CORPUS_FILE, reports.values());
        return new ImportSummary(files.size(), List.copyOf(reports.values()), Map.copyOf(rejected));
    }

    /** .txt is plain text; .html/.htm go through the crawler's page extraction; .pdf/.docx through Tika. */
    private PageOutcome outcomeOf(Path file) throws IOException {
        String url = file.toAbsolutePath().normalize().toUri().toString();
        byte[] bytes = Files.readAllBytes(file);
        try {
            return switch (extension(file)) {
                case "txt" -> extraction.fromText(TextDecoding.decode(bytes), url);
                case "html", "htm" -> extraction.fromHtml(extraction.read(bytes, null, url), null, ReportExtraction.AttachmentFetcher.NONE);
                default -> extraction.fromDocument(bytes, file.getFileName().toString(), url, null, null);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        }
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
