package fazhi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fazhi.core.corpus.CorpusStore;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./portal index} and {@code ./portal search} through the real CLI entry point. */
class SearchCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run portal(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = PortalCli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Report report(String id, int year, SectionKind kind, String text) {
        return new Report(id, "https://example.gov.cn/" + id, null, id + " 报告", "发布机关", Level.TOWNSHIP, year,
                LocalDate.of(year + 1, 1, 10), new Region("重庆市", null, "渝北区", "统景镇", "500112133"), null,
                List.of(new Section("一、标题", kind, text)), null, null);
    }

    @Test
    void indexThenSearchAsJsonAndCsv() throws Exception {
        new CorpusStore(dir).append("test", List.of(
                report("a", 2021, SectionKind.MEASURES, "探索“民情茶室”工作法。"),
                report("b", 2022, SectionKind.PROBLEMS, "法律顾问作用发挥不充分。"),
                report("c", 2022, SectionKind.MEASURES, "聘请法律顾问。")));
        Run index = portal("index", "--data", dir.toString());
        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("3 reports");

        Run json = portal("search", "--data", dir.toString(), "民情茶室");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(json.out());
        assertThat(result.get("total").asLong()).isEqualTo(1);
        assertThat(result.get("hits").get(0).get("id").asText()).isEqualTo("a");

        Run sectioned = portal("search", "--data", dir.toString(), "--section", "problems", "--format", "json", "法律顾问");
        JsonNode problems = new ObjectMapper().readTree(sectioned.out());
        assertThat(problems.get("hits")).extracting(h -> h.get("id").asText()).containsExactly("b");

        Run limited = portal("search", "--data", dir.toString(), "--limit", "1", "法律顾问");
        JsonNode one = new ObjectMapper().readTree(limited.out());
        assertThat(one.get("total").asLong()).isEqualTo(2);
        assertThat(one.get("hits")).hasSize(1);

        Run csv = portal("search", "--data", dir.toString(), "--format", "csv", "--year", "2022", "法律顾问");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).startsWith("\uFEFF报告ID,");
        assertThat(csv.out().lines()).hasSize(3);

        Run bad = portal("search", "--data", dir.toString(), "(".repeat(40) + "法");
        assertThat(bad.exit()).isEqualTo(PortalCli.BAD_INPUT);
        assertThat(bad.err().strip()).startsWith("portal: 查询嵌套过深").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void searchWithoutAnIndexIsBadInput() {
        Run run = portal("search", "--data", dir.toString(), "法");
        assertThat(run.exit()).isEqualTo(PortalCli.BAD_INPUT);
        assertThat(run.err()).contains("./portal index");
    }
}
