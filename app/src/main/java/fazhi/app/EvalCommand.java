package fazhi.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = "Measure report understanding against the labelled fixtures.")
final class EvalCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("portal eval: not yet available (work of issue #4)");
        return PortalCli.INTERNAL;
    }
}
