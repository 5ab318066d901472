package fazhi.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files of the analysis-config folder: from the classpath (the core jar ships the folder as
 * {@code analysis-config/…}) or from a folder on disk. Broken config is a programming/packaging error, so it
 * fails loudly with the file name instead of degrading silently.
 */
public final class AnalysisConfig {
    private static final String CLASSPATH_ROOT = "analysis-config/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Path folder;

    private AnalysisConfig(Path folder) {
        this.folder = folder;
    }

    /** The configuration shipped inside the core jar. */
    public static AnalysisConfig shipped() {
        return new AnalysisConfig(null);
    }

    /** A configuration folder on disk (same layout as analysis-config/). */
    public static AnalysisConfig folder(Path folder) {
        return new AnalysisConfig(folder);
    }

    /** Parses a YAML file into a record; unknown keys are errors so that typos in rules do not pass unnoticed. */
    public <T> T yaml(String relativePath, Class<T> type) {
        try (InputStream in = open(relativePath)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("analysis-config/" + relativePath + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The rows of a tab-separated file; lines starting with # and blank lines are skipped. */
    public List<String[]> tsv(String relativePath) {
        try (InputStream in = open(relativePath)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!trimmed.isBlank() && !trimmed.startsWith("#")) {
                    rows.add(trimmed.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read analysis-config/" + relativePath, e);
        }
    }

    private InputStream open(String relativePath) throws IOException {
        if (folder != null) {
            return Files.newInputStream(folder.resolve(relativePath));
        }
        InputStream in = AnalysisConfig.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + relativePath);
        if (in == null) {
            throw new IllegalStateException("analysis-config/" + relativePath + " is missing from the classpath (core jar)");
        }
        return in;
    }
}
