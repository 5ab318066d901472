package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", description = "Search the index of DIR and print matching reports.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--year") java.util.List<Integer> years;
    @Option(names = "--region", paramLabel = "NAME|CODE") java.util.List<String> regions;
    @Option(names = "--section", paramLabel = "KIND") java.util.List<String> sections;
    @Option(names = "--level") java.util.List<String> levels;
    @Option(names = "--format", defaultValue = "json", description = "json or csv") String format;
    @Option(names = "--limit", paramLabel = "N") Integer limit;
    @Parameters(arity = "1..*", paramLabel = "QUERY") java.util.List<String> query;
    @Override
    public Integer call() {
        System.err.println("portal search: not yet available (work of issue #5)");
        return PortalCli.INTERNAL;
    }
}
