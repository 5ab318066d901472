package fazhi.app;

import fazhi.core.BadInputException;
import fazhi.core.understand.Evaluation;
import fazhi.core.understand.ReportUnderstanding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./portal eval}: accuracy of report understanding per field on the labelled fixtures that the core tests
 * use (core/src/test/resources/fazhi/core/understand: titles, headings, pages). Exit 1 when a field is below 95 %.
 */
@Command(name = "eval", description = "Measure report understanding against the labelled fixtures.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = "folder with titles.tsv, headings.tsv, decisions.tsv (default: the core test fixtures)")
    Path fixtures;

    @Option(names = "--verbose", description = "list every mismatch")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Path folder = fixtures != null ? fixtures
                : ProjectHome.path().resolve("core/src/test/resources/fazhi/core/understand");
        if (!Files.isRegularFile(folder.resolve("titles.tsv"))) {
            throw new BadInputException("no-fixtures", "没有找到标注数据 (titles.tsv): " + folder);
        }
        Evaluation.Result result = new Evaluation(new ReportUnderstanding()).run(folder);
        System.out.println("字段 (field)        正确/总数   准确率");
        for (Evaluation.FieldScore s : result.scores()) {
            System.out.printf(Locale.ROOT, "%-18s %4d/%-4d   %6.1f%%%s%n", s.field(), s.correct(), s.total(), 100 * s.accuracy(),
                    s.accuracy() < Evaluation.BAR ? "   < 95% bar" : "");
        }
        if (verbose || !result.meetsBar()) {
            result.mismatches().forEach(m -> System.out.println("  ✗ " + m));
        } else if (!result.mismatches().isEmpty()) {
            System.out.println(result.mismatches().size() + " mismatches (--verbose lists them)");
        }
        return result.meetsBar() ? PortalCli.OK : PortalCli.INTERNAL;
    }
}
