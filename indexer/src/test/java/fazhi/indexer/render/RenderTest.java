package fazhi.indexer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import fazhi.indexer.search.SearchRequest;
import fazhi.indexer.search.SearchService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** JSON and CSV are renderings of the same search: same hits, same order, same sections. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderTest {
    SearchService service;

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        Region yubei = new Region("重庆市", null, "渝北区", "统景镇", "500112133");
        service = TestCorpora.indexAndOpen(dir, List.of(
                TestCorpora.report("x1", 2021, LocalDate.of(2022, 1, 10), Level.TOWNSHIP, yubei,
                        new Section("一、主要举措", SectionKind.MEASURES, "建设民情茶室。"),
                        new Section("+二、存在的不足", SectionKind.PROBLEMS, "=HYPERLINK(\"http://evil\") 民情茶室覆盖不足。")),
                new fazhi.core.model.Report("x2", "https://example.gov.cn/x2", null, "=cmd|' /C calc'!A0", "-机关", Level.DISTRICT, 2020,
                        null, null, null, List.of(new Section(null, SectionKind.PREAMBLE, "@民情茶室\t<b>粗</b>")), null, null),
                TestCorpora.report("x3", 2019, null, Level.CITY, null, new Section(null, SectionKind.PREAMBLE, "无关内容"))));
    }

    @AfterAll
    void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void csvHasBomHeaderOneRowPerMatchingSectionAndNeutralisedCells() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long reports = SearchCsv.writeAll(service, SearchRequest.of("民情茶室"), 0, bytes);
        assertThat(reports).isEqualTo(2);
        byte[] raw = bytes.toByteArray();
        assertThat(raw).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
        assertThat(rows.getFirst().values()).containsExactlyElementsOf(SearchCsv.HEADER);
        List<String> sectionsById = new ArrayList<>();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            sectionsById.add(row.get(0) + ":" + row.get(12));
        }
        assertThat(sectionsById).containsExactlyInAnyOrder("x1:主要举措和成效", "x1:存在的不足和原因", "x2:前言");
        CSVRecord x2 = rows.stream().filter(r -> r.get(0).equals("x2")).findFirst().orElseThrow();
        assertThat(x2.get(1)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(x2.get(2)).isEqualTo("'-机关");
        assertThat(x2.get(14)).isEqualTo("'@民情茶室 <b>粗</b>"); // plain text: no HTML escaping, tab flattened
        CSVRecord problems = rows.stream().filter(r -> r.get(12).equals("存在的不足和原因")).findFirst().orElseThrow();
        assertThat(problems.get(13)).isEqualTo("'+二、存在的不足");
        assertThat(problems.get(14)).contains("=HYPERLINK").doesNotStartWith("=").doesNotStartWith("+");
        assertThat(problems.get(6) + problems.get(8) + problems.get(9) + problems.get(10)).isEqualTo("重庆市渝北区统景镇500112133");
    }

    @Test
    void csvPerReportFoldsTheSectionsIntoOneRow() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SearchCsv.writeAll(service, SearchRequest.of("民情茶室"), 0, SearchCsv.Unit.REPORT, bytes);
        List<CSVRecord> rows = CSVFormat.EXCEL.parse(new StringReader(bytes.toString(StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).hasSize(3);
        CSVRecord x1 = rows.stream().filter(r -> r.get(0).equals("x1")).findFirst().orElseThrow();
        assertThat(x1.get(12)).isEqualTo("主要举措和成效；存在的不足和原因");
    }

    @Test
    void jsonOfTheWholeResultHasTheApiShapeAndTheSameHitsAsCsv() throws IOException {
        StringWriter out = new StringWriter();
        long n = SearchJson.writeAll(service, SearchRequest.of("民情茶室"), 0, out);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(n).isEqualTo(2);
        assertThat(json.get("query").asText()).isEqualTo("民情茶室");
        assertThat(json.get("total").asLong()).isEqualTo(2);
        assertThat(json.get("hits")).hasSize(2);
        JsonNode hit = json.get("hits").get(0);
        for (String field : List.of("id", "title", "issuer", "level", "year", "published", "region", "url", "score", "matches")) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        JsonNode match = hit.get("matches").get(0);
        assertThat(match.has("kind") && match.has("heading") && match.has("snippet")).isTrue();
        assertThat(json.get("facets").fieldNames()).toIterable().containsExactly("year", "region", "section", "level");
        assertThat(json.get("facets").get("year").get(0).has("value")).isTrue();
        assertThat(json.get("facets").get("year").get(0).has("count")).isTrue();
        JsonNode x2 = json.get("hits").get(0).get("id").asText().equals("x2") ? json.get("hits").get(0) : json.get("hits").get(1);
        assertThat(x2.get("matches").get(0).get("snippet").asText()).isEqualTo("@<mark>民情茶室</mark> &lt;b&gt;粗&lt;/b&gt;");

        StringWriter limited = new StringWriter();
        SearchJson.writeAll(service, SearchRequest.of("民情茶室"), 1, limited);
        JsonNode one = new ObjectMapper().readTree(limited.toString());
        assertThat(one.get("total").asLong()).isEqualTo(2);
        assertThat(one.get("hits")).hasSize(1);
    }

    @Test
    void aPageRendersTheSameHitsAsTheStream() throws IOException {
        java.io.ByteArrayOutputStream page = new java.io.ByteArrayOutputStream();
        SearchJson.write(service.search(SearchRequest.of("民情茶室")), page);
        StringWriter all = new StringWriter();
        SearchJson.writeAll(service, SearchRequest.of("民情茶室"), 0, all);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(page.toByteArray()).get("hits")).isEqualTo(mapper.readTree(all.toString()).get("hits"));
    }
}
