package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", description = "Generate a synthetic corpus for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--reports", required = true) int reports;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Mixin
    DataDirOption data;
    @Override
    public Integer call() {
        System.err.println("portal generate: not yet available (work of issue #7)");
        return PortalCli.INTERNAL;
    }
}
