package fazhi.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI (target/portal.jar with target/lib) in a child JVM, the way ./portal does. */
final class PortalProcess {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = Path.of("target", "portal.jar").toAbsolutePath();

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        Path out = Files.createTempFile("portal-out", ".txt");
        Path err = Files.createTempFile("portal-err", ".txt");
        try {
            process.getInputStream().transferTo(Files.newOutputStream(out));
            process.getErrorStream().transferTo(Files.newOutputStream(err));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("portal " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dportal.home=" + PROJECT, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(PROJECT.toFile()).start();
    }

    private PortalProcess() {
    }
}
