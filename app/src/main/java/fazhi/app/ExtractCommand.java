package fazhi.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fazhi.core.json.ReportJson;
import fazhi.core.understand.ReportUnderstanding;
import fazhi.crawler.extract.PageOutcome;
import fazhi.crawler.extract.SingleExtraction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", description = "Extract one page or file as a report record (JSON on stdout); exit 2 with a JSON error when it is not a report.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE|URL")
    String target;

    @Option(names = "--url", paramLabel = "ORIGINAL", description = "the original address of a saved page")
    String originalUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PageOutcome outcome = new SingleExtraction(new ReportUnderstanding()).extract(target, originalUrl);
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.isReport()) {
            // One report prints as its record; a page holding several (范文 collections) prints an array of records.
            out.println(ReportJson.toPrettyJson(outcome.reports().size() == 1 ? outcome.reports().get(0) : outcome.reports()));
            out.flush();
            return PortalCli.OK;
        }
        ObjectNode error = ReportJson.mapper().createObjectNode();
        error.put("error", "not-a-report");
        error.put("code", outcome.rejection().code());
        error.put("reason", outcome.rejection().reason());
        error.put("url", outcome.page() != null ? outcome.page().url() : target);
        if (outcome.page() != null && outcome.page().title() != null) {
            error.put("title", outcome.page().title());
        }
        out.println(ReportJson.toPrettyJson(error));
        out.flush();
        spec.commandLine().getErr().println("portal: not a report (" + outcome.rejection().code() + "): " + outcome.rejection().reason());
        return PortalCli.BAD_INPUT;
    }
}
