package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "serve", description = "Serve the search portal on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--port", defaultValue = "7070", description = "port (default 7070)")
    int port;
    @Override
    public Integer call() {
        System.err.println("portal serve: not yet available (work of issue #6)");
        return PortalCli.INTERNAL;
    }
}
