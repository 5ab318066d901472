package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", description = "Build or update the search index of DIR from DIR/corpus.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--rebuild", description = "rebuild from scratch instead of updating incrementally")
    boolean rebuild;
    @Override
    public Integer call() {
        System.err.println("portal index: not yet available (work of issue #5)");
        return PortalCli.INTERNAL;
    }
}
