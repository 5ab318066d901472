package fazhi.app;

import fazhi.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the commands that read or write a data directory. */
public final class DataDirOption {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "data directory (corpus/, index/, crawl/)")
    Path data;

    public Path path() {
        return data.toAbsolutePath().normalize();
    }

    /** The directory, which must already hold a corpus or an index; bad input otherwise. */
    public Path existing() {
        Path dir = path();
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("no-data-dir", "data directory does not exist: " + dir);
        }
        return dir;
    }
}
