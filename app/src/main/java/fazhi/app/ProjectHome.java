package fazhi.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project checkout is: the launcher passes it as -Dportal.home; tests run from a module directory. */
final class ProjectHome {
    private ProjectHome() {
    }

    static Path path() {
        String home = System.getProperty("portal.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("portal")) && Files.isDirectory(dir.resolve("samples"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project home (run through ./portal, which sets -Dportal.home)");
    }

    /** The bundled sample corpus (copied from shared/corpus/seeds, see samples/README.md). */
    static Path sampleCorpus() {
        return path().resolve("samples").resolve("seeds");
    }
}
