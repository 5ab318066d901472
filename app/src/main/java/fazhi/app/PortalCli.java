package fazhi.app;

import fazhi.core.BadInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./portal}: the one entry point of the application; each subcommand is a class in this package. */
@Command(name = "portal", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "法治报告库 0.1.0",
        description = "法治报告库 — collect, index and search 法治政府建设 annual reports.",
        subcommands = {
            DemoCommand.class, CrawlCommand.class, ImportCommand.class, IndexCommand.class, ServeCommand.class,
            ExtractCommand.class, SearchCommand.class, EvalCommand.class, GenerateCommand.class, BenchCommand.class
        })
public final class PortalCli implements Runnable {
    /** Exit codes of design.md: 0 success, 2 bad usage or bad input, 1 internal failure. */
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    /** What a shell reports for a process ended by SIGPIPE. */
    public static final int BROKEN_PIPE = 141;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try ./portal --help)");
    }

    public static void main(String[] args) {
        // Lucene and Jetty log through java.util.logging; route it into the one backend (logback, stderr).
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new PortalCli());
        cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        cli.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? BAD_INPUT : INTERNAL);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("portal: " + e.getMessage());
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof BadInputException bad) {
                commandLine.getErr().println("portal: " + bad.getMessage());
                return BAD_INPUT;
            }
            if (isBrokenPipe(e)) {
                return BROKEN_PIPE; // the reader went away (| head): stop quietly, as Unix tools do
            }
            commandLine.getErr().println("portal: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return INTERNAL;
        });
        return cli.execute(args);
    }

    private static boolean isBrokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }
}
