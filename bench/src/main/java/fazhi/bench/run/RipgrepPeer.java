package fazhi.bench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The ripgrep peer: one text file per report under {@code rg/<part>/<n>.txt} holding one line per section (the
 * section's phrase key), searched with {@code rg --files-with-matches --fixed-strings}. Files are named by the
 * report's position in the corpus; the id list maps them back.
 */
final class RipgrepPeer {
    private static final int FILES_PER_DIR = 1_000;

    private final Path root;
    private final String executable;
    private final List<String> ids = new ArrayList<>();

    private RipgrepPeer(Path root, String executable) {
        this.root = root;
        this.executable = executable;
    }

    /** The directory the text files are written under. */
    Path root() {
        return root;
    }

    /** An empty file tree at {@code root} (an old one is deleted). */
    static RipgrepPeer create(Path root, String executable) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(root);
        return new RipgrepPeer(root, executable);
    }

    /** The installed ripgrep's version line, or a BenchException saying how to install it. */
    static String version(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(executable + " --version failed: " + out);
            }
            return out.lines().findFirst().orElse("ripgrep");
        } catch (IOException e) {
            throw new IllegalStateException("ripgrep (" + executable + ") is not installed: run scripts/install-test-deps.sh or 'apt-get install ripgrep'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    void add(String reportId, List<String> sectionKeys) throws IOException {
        int n = ids.size();
        ids.add(reportId);
        Path dir = root.resolve(String.format("%04d", n / FILES_PER_DIR));
        if (n % FILES_PER_DIR == 0) {
            Files.createDirectories(dir);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(n + ".txt"), StandardCharsets.UTF_8)) {
            for (String key : sectionKeys) {
                w.write(key);
                w.write('\n');
            }
        }
    }

    Set<String> reports(String key) throws IOException {
        Process p = new ProcessBuilder(executable, "--files-with-matches", "--fixed-strings", "--no-ignore", "--no-config",
                "--no-messages", "-e", key, root.toString()).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<String> found = new TreeSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String name = Path.of(line).getFileName().toString();
                found.add(ids.get(Integer.parseInt(name.substring(0, name.length() - ".txt".length()))));
            }
        }
        int exit;
        try {
            exit = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for rg", e);
        }
        if (exit > 1) { // 0 = matches, 1 = no match
            throw new IOException("rg failed (exit " + exit + "): " + err.join());
        }
        return found;
    }
}
