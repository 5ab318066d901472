package fazhi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, bad usage, bad input, import of the sample corpus. */
class CliUsageIT {
    @TempDir
    Path data;

    @Test
    void helpListsEveryCommandOfTheContract() throws Exception {
        PortalProcess.Result result = PortalProcess.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("demo", "crawl", "import", "index", "serve", "extract", "search");
    }

    @Test
    void unknownOptionIsBadUsageWithOneLine() throws Exception {
        PortalProcess.Result result = PortalProcess.run("search", "--data", data.toString(), "--bogus", "民情茶室");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--bogus").doesNotContain("Exception", "\tat ");
    }

    @Test
    void importOfAMissingPathIsBadInput() throws Exception {
        PortalProcess.Result result = PortalProcess.run("import", "--data", data.toString(), "/no/such/file.txt");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().strip()).contains("/no/such/file.txt").doesNotContain("\tat ");
    }

    @Test
    void importsTheSampleCorpus() throws Exception {
        PortalProcess.Result result = PortalProcess.run("import", "--data", data.toString(), "samples/seeds");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("read 5 files: 9 reports written");
    }
}
