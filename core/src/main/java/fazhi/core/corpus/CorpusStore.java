package fazhi.core.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Report;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corpus on disk: {@code DIR/corpus/*.jsonl}, one report record per line, UTF-8.
 *
 * <p>The store is a log: appending a record whose id already exists replaces the earlier one (the last line
 * wins, in file-name order then line order), so writers never rewrite a file in place. Crash safety: a record
 * is written as one complete line in a single write; a process killed mid-write leaves at most a torn last
 * line, which readers skip with a warning and the next append seals off with a newline. {@link #rewrite}
 * replaces a whole file through a temporary file and an atomic rename.
 */
public final class CorpusStore {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusStore.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private final Path dir;

    public CorpusStore(Path dataDir) {
        this.dir = dataDir.resolve("corpus");
    }

    public Path directory() {
        return dir;
    }

    /** Appends records to {@code DIR/corpus/<file>.jsonl}, each as one line written and forced to disk. */
    public void append(String file, Collection<Report> reports) throws IOException {
        if (reports.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        Path path = fileFor(file);
        StringBuilder lines = new StringBuilder();
        for (Report report : reports) {
            lines.append(ReportJson.toLine(report)).append('\n');
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer bytes;
            if (size > 0 && !endsWithNewline(channel, size)) {
                // A previous writer died mid-line: seal the torn line so it stays an isolated, skippable line.
                LOG.warn("{} ends with a torn record; sealing it before appending", path);
                bytes = StandardCharsets.UTF_8.encode("\n" + lines);
            } else {
                bytes = StandardCharsets.UTF_8.encode(lines.toString());
            }
            channel.position(size);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        }
    }

    public void append(String file, Report report) throws IOException {
        append(file, List.of(report));
    }

    /** Replaces {@code DIR/corpus/<file>.jsonl} atomically with exactly these records. */
    public void rewrite(String file, Collection<Report> reports) throws IOException {
        Files.createDirectories(dir);
        Path target = fileFor(file);
        Path temp = Files.createTempFile(dir, "." + file, ".tmp");
        try {
            try (var writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (Report report : reports) {
                    writer.write(ReportJson.toLine(report));
                    writer.write('\n');
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The corpus files in the order their records apply (file name order). */
    public List<Path> files() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Visits the current version of every report (last line per id wins) without holding the corpus in memory:
     * a first pass reads only ids, the second parses the winning lines. Unreadable lines are skipped and reported
     * in the returned summary.
     */
    public ReadSummary forEach(Consumer<Report> consumer) throws IOException {
        List<Path> files = files();
        Map<String, LinePosition> latest = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            int fileIndex = f;
            forEachLine(files.get(f), (lineNo, line) -> {
                String id = readId(line);
                if (id != null) {
                    latest.put(id, new LinePosition(fileIndex, lineNo));
                }
            });
        }
        int[] read = {0};
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            int fileIndex = f;
            forEachLine(file, (lineNo, line) -> {
                String id = readId(line);
                if (id == null) {
                    String problem = file.getFileName() + ":" + lineNo + ": unreadable record skipped (torn or malformed line)";
                    LOG.warn(problem);
                    problems.add(problem);
                    return;
                }
                if (!new LinePosition(fileIndex, lineNo).equals(latest.get(id))) {
                    return;
                }
                try {
                    consumer.accept(ReportJson.fromLine(line));
                    read[0]++;
                } catch (JsonProcessingException e) {
                    String problem = file.getFileName() + ":" + lineNo + ": invalid record skipped: " + e.getOriginalMessage();
                    LOG.warn(problem);
                    problems.add(problem);
                }
            });
        }
        return new ReadSummary(read[0], List.copyOf(problems));
    }

    /** All current reports in corpus order; for small corpora and tests. Large corpora use {@link #forEach}. */
    public List<Report> readAll() throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        forEach(report -> reports.put(report.id(), report));
        return List.copyOf(reports.values());
    }

    /** Rewrites every corpus file keeping only the current version of each report that passes {@code keep}. */
    public void compact(Predicate<Report> keep) throws IOException {
        Map<String, String> fileOfId = new HashMap<>();
        Map<String, List<Report>> byFile = new LinkedHashMap<>();
        List<Path> files = files();
        for (Path file : files) {
            byFile.put(baseName(file), new ArrayList<>());
            forEachLine(file, (lineNo, line) -> {
                String id = readId(line);
                if (id != null) {
                    fileOfId.put(id, baseName(file));
                }
            });
        }
        forEach(report -> {
            if (keep.test(report)) {
                byFile.get(fileOfId.get(report.id())).add(report);
            }
        });
        for (Map.Entry<String, List<Report>> entry : byFile.entrySet()) {
            rewrite(entry.getKey(), entry.getValue());
        }
    }

    private Path fileFor(String file) {
        if (!FILE_NAME.matcher(file).matches()) {
            throw new IllegalArgumentException("corpus file name must be letters, digits, '.', '_' or '-': " + file);
        }
        return dir.resolve(file + ".jsonl");
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".jsonl".length());
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    /** The record's id if the line is a complete JSON object with a string id, else null. */
    private static String readId(String line) {
        if (line.isBlank()) {
            return null;
        }
        String id = null;
        try (JsonParser parser = JSON_FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            // Walk the whole object: a torn line fails here even when the id came first.
            int depth = 1;
            while (depth > 0) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 1 && "id".equals(parser.currentName())) {
                            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                                id = parser.getText();
                            }
                        }
                    }
                    default -> { }
                }
            }
            return parser.nextToken() == null ? id : null;
        } catch (IOException e) {
            return null;
        }
    }

    private interface LineVisitor {
        void visit(long lineNo, String line);
    }

    private static void forEachLine(Path file, LineVisitor visitor) throws IOException {
        // InputStreamReader replaces malformed bytes instead of throwing: a line torn inside a UTF-8 sequence
        // must only lose itself, not the rest of the file.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            long lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                visitor.visit(lineNo, line);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private record LinePosition(int file, long line) {
    }

    /** What a read produced: how many current reports, and every line that was skipped, with why. */
    public record ReadSummary(int reports, List<String> problems) {
    }
}
