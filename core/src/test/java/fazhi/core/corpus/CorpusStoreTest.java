package fazhi.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.json.ReportJson;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStoreTest {
    @TempDir
    Path data;

    static Report report(String id, String text) {
        return new Report(id, "http://x.gov.cn/" + id, null, "标题" + id, null, null, 2021, null, null, null,
                List.of(new Section(null, SectionKind.PREAMBLE, text)), null, null);
    }

    @Test
    void appendsAndReadsBack() throws Exception {
        CorpusStore store = new CorpusStore(data);
        store.append("crawl", List.of(report("a", "甲"), report("b", "乙")));
        store.append("import", report("c", "丙"));
        assertThat(store.readAll()).extracting(Report::id).containsExactly("a", "b", "c");
        assertThat(Files.readString(data.resolve("corpus/crawl.jsonl"))).endsWith("\n");
    }

    @Test
    void laterRecordWithTheSameIdReplacesTheEarlierOne() throws Exception {
        CorpusStore store = new CorpusStore(data);
        store.append("crawl", report("a", "旧"));
        store.append("crawl", report("b", "乙"));
        store.append("crawl", report("a", "新"));
        List<Report> all = store.readAll();
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(r -> r.id().equals("a")).singleElement()
                .extracting(r -> r.sections().get(0).text()).isEqualTo("新");
    }

    @Test
    void tornLastLineIsSkippedWithAWarningAndSealedByTheNextAppend() throws Exception {
        CorpusStore store = new CorpusStore(data);
        store.append("crawl", report("a", "甲"));
        // Simulate a process killed mid-write: half a record, cut inside a multi-byte UTF-8 character.
        byte[] full = (ReportJson.toLine(report("torn", "被截断的记录")) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(data.resolve("corpus/crawl.jsonl"), Arrays.copyOf(full, full.length - 9), StandardOpenOption.APPEND);

        CorpusStore.ReadSummary summary = store.forEach(r -> { });
        assertThat(summary.reports()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().asString().contains("crawl.jsonl:2");

        store.append("crawl", report("b", "乙"));
        assertThat(store.readAll()).extracting(Report::id).containsExactly("a", "b");
    }

    @Test
    void compactKeepsOnlyCurrentVersionsAndDropsTornLines() throws Exception {
        CorpusStore store = new CorpusStore(data);
        store.append("crawl", List.of(report("a", "旧"), report("b", "乙"), report("a", "新")));
        Files.writeString(data.resolve("corpus/crawl.jsonl"), "{\"id\":\"half", StandardOpenOption.APPEND);
        store.compact(r -> !r.id().equals("b"));
        List<String> lines = Files.readAllLines(data.resolve("corpus/crawl.jsonl"));
        assertThat(lines).hasSize(1).first().asString().contains("\"id\":\"a\"", "新");
    }

    @Test
    void emptyOrMissingCorpusReadsAsEmpty() throws Exception {
        assertThat(new CorpusStore(data).readAll()).isEmpty();
    }
}
