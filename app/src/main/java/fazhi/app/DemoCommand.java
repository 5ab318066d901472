package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "demo", description = "Import and index the bundled sample corpus, then serve it on 127.0.0.1.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070") int port;
    @Option(names = "--data", paramLabel = "DIR") java.nio.file.Path data;
    @Override
    public Integer call() {
        System.err.println("portal demo: not yet available (work of issue #2)");
        return PortalCli.INTERNAL;
    }
}
