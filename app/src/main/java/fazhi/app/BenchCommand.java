package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Run the benchmarks and write docs/benchmarks.md.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;
    @Override
    public Integer call() {
        System.err.println("portal bench: not yet available (work of issue #7)");
        return PortalCli.INTERNAL;
    }
}
