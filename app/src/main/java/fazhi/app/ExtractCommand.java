package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "extract", description = "Extract one page or file as a report record (JSON on stdout).")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|URL")
    String target;

    @Option(names = "--url", paramLabel = "ORIGINAL", description = "the original address of a saved page")
    String originalUrl;
    @Override
    public Integer call() {
        System.err.println("portal extract: not yet available (work of issue #3)");
        return PortalCli.INTERNAL;
    }
}
