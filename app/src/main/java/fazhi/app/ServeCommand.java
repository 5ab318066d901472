package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./portal serve --data DIR [--port N]}: the portal over an existing index. It keeps answering while
 * {@code ./portal index} commits: the search service refreshes its searcher in the background.
 */
@Command(name = "serve", description = "Serve the search portal of DIR on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--port", defaultValue = "7070", description = "port (default 7070; 0 = any free port)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return PortalRunner.serve(data.existing(), port, spec.commandLine().getOut());
    }
}
