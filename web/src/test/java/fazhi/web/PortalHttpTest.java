package fazhi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fazhi.core.json.ReportJson;
import fazhi.core.model.Level;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.core.text.TextNormalizer;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route, parameter and error against the real app on a random port over a real index. */
class PortalHttpTest {
    @TempDir
    static Path dataDir;
    static TestPortal portal;

    static final String TJ21 = "fx-tongjing-2021";
    static final String TJ22 = "fx-tongjing-2022";
    static final String DS21 = "fx-dasheng-2021";
    static final String XL21 = "fx-xinglong-2021";
    static final String DSJ23 = "fx-dashi-2023";
    /** A township report whose region is unknown (nothing in it names a place). */
    static final String UNPLACED = "fx-unplaced-2022";

    @BeforeAll
    static void start() throws IOException {
        portal = TestPortal.start(dataDir);
    }

    @AfterAll
    static void stop() throws IOException {
        portal.close();
    }

    // ------------------------------------------------------------------ truth, computed from the records

    static String key(String s) {
        return TextNormalizer.instance().phraseKey(s);
    }

    static boolean mentions(Section s, String phrase) {
        return key(IndexSchema.sectionContent(s.heading(), s.text())).contains(key(phrase));
    }

    static Set<String> truth(String phrase, Predicate<Report> filter) {
        Set<String> ids = new TreeSet<>();
        for (Report r : portal.reports) {
            if (filter.test(r) && r.sections().stream().anyMatch(s -> mentions(s, phrase))) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    static long matchingSections(String phrase) {
        return matchingSectionsIn(portal, phrase);
    }

    /** Sections (of every report of the portal) whose text contains the phrase, as the search defines containment. */
    static long matchingSectionsIn(TestPortal portal, String phrase) {
        return portal.reports.stream().flatMap(r -> r.sections().stream()).filter(s -> mentions(s, phrase)).count();
    }

    /** Reports with a section of this kind that mentions the phrase. */
    static Set<String> truthIn(String phrase, SectionKind kind, Predicate<Report> filter) {
        Set<String> ids = new TreeSet<>();
        for (Report r : portal.reports) {
            if (filter.test(r) && r.sections().stream().anyMatch(s -> s.kind() == kind && mentions(s, phrase))) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    /** The region path the facets and the region sort use: province/[city/]district/township, empty when unknown. */
    static String regionPath(Report r) {
        return Stream.of(r.region().province(), r.region().city(), r.region().district(), r.region().township())
                .filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("/"));
    }

    static boolean inRegion(Report r, String path) {
        return regionPath(r).equals(path) || regionPath(r).startsWith(path + "/");
    }

    /** The id parameters of a URL, in order. */
    static List<String> idParams(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("id="))
                .map(p -> URLDecoder.decode(p.substring(3), StandardCharsets.UTF_8)).toList();
    }

    static void assertOldestFirst(List<String> ids) {
        List<Integer> years = ids.stream().map(id -> portal.report(id).year()).map(y -> y == null ? 0 : y).toList();
        assertThat(years).as("years of %s", ids).isSorted();
    }

    static String sampleWith(String phrase) {
        Set<String> ids = truth(phrase, r -> r.id().length() == 16);
        assertThat(ids).hasSize(1);
        return ids.iterator().next();
    }

    static Document page(String path, int status) throws Exception {
        HttpResponse<String> res = portal.get(path);
        assertThat(res.statusCode()).as(path).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(ct -> assertThat(ct.toLowerCase().replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        assertThat(res.body()).contains("<meta charset=\"utf-8\">");
        return Jsoup.parse(res.body(), portal.url(path));
    }

    static JsonNode json(String path, int status) throws Exception {
        HttpResponse<String> res = portal.get(path);
        assertThat(res.statusCode()).as(path).isEqualTo(status);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json").containsIgnoringCase("charset=utf-8");
        return ReportJson.mapper().readTree(res.body());
    }

    static List<CSVRecord> csv(HttpResponse<byte[]> res) throws IOException {
        byte[] body = res.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
    }

    static List<String> hitIds(Document doc) {
        return doc.select("li.hit").eachAttr("data-id");
    }

    static long total(Document doc) {
        return Long.parseLong(doc.selectFirst(".total").attr("data-total"));
    }

    // ------------------------------------------------------------------ search page

    @Test
    void searchFindsThePhraseWithCountTimePassagesAndHighlights() throws Exception {
        String id = sampleWith("民情茶室");
        Document doc = page("/?q=" + TestPortal.enc("民情茶室"), 200);
        assertThat(hitIds(doc)).containsExactlyElementsOf(truth("民情茶室", r -> true));
        assertThat(doc.select(".time").text()).contains("秒");
        Element hit = doc.selectFirst("li.hit[data-id=" + id + "]");
        assertThat(hit.selectFirst("a.hit-title").attr("href")).isEqualTo("/report/" + id + "?q=" + TestPortal.enc("民情茶室"));
        assertThat(hit.selectFirst("a.hit-title").text()).contains("统景镇");
        assertThat(hit.select(".meta").text()).contains("2021年度").contains("2022-01-10").contains("重庆市渝北区统景镇人民政府")
                .contains(regionPath(portal.report(id)).replace("/", " / "));
        assertThat(regionPath(portal.report(id))).isEqualTo("重庆市/渝北区/统景镇"); // the importer resolves the sample's region
        assertThat(hit.select(".matches .kind").eachText()).contains("主要举措和成效");
        assertThat(hit.select(".snippet mark").eachText()).isNotEmpty().allMatch(m -> m.equals("民情茶室"));
        assertThat(doc.select("details.syntax").text()).contains("section:problems").contains("~10").contains("OR");
    }

    @Test
    void facetsCountAndFilterMultiSelectWithRemovableChips() throws Exception {
        Document doc = page("/?q=" + TestPortal.enc("法律顾问"), 200);
        assertThat(total(doc)).isEqualTo(truth("法律顾问", r -> true).size());
        Element y2021 = doc.selectFirst("a[data-facet=year][data-value=2021]");
        assertThat(Long.parseLong(y2021.selectFirst(".count").text())).isEqualTo(truth("法律顾问", r -> Integer.valueOf(2021).equals(r.year())).size());
        assertThat(doc.select("a[data-facet=region]").eachAttr("data-value")).contains("重庆市", "重庆市/渝北区", "重庆市/渝北区/统景镇", "重庆市/合川区/大石街道");
        assertThat(doc.select("a[data-facet=section]").eachText()).anyMatch(t -> t.contains("存在的不足和原因"));
        assertThat(doc.select("a[data-facet=level]").eachText()).anyMatch(t -> t.contains("镇街"));

        // Follow the facet link as a user would: the state moves into the URL and shows as a chip.
        String href = y2021.attr("href");
        Document filtered = page(href, 200);
        assertThat(hitIds(filtered)).containsExactlyInAnyOrderElementsOf(truth("法律顾问", r -> Integer.valueOf(2021).equals(r.year())));
        assertThat(filtered.select(".chip").eachText()).anyMatch(t -> t.contains("2021年"));
        assertThat(filtered.selectFirst("a[data-facet=year][data-value=2021]").hasClass("selected")).isTrue();

        // A second year of the same facet ORs; the chip removes just its own value.
        String both = filtered.selectFirst("a[data-facet=year][data-value=2023]").attr("href");
        Document two = page(both, 200);
        assertThat(hitIds(two)).containsExactlyInAnyOrderElementsOf(truth("法律顾问", r -> r.year() != null && (r.year() == 2021 || r.year() == 2023)));
        Element chip2023 = two.select(".chip").stream().filter(c -> c.text().contains("2023年")).findFirst().orElseThrow();
        assertThat(page(chip2023.attr("href"), 200).select(".chip").eachText()).noneMatch(t -> t.contains("2023年")).anyMatch(t -> t.contains("2021年"));

        // Across facets: AND (region and section).
        Document region = page("/?q=" + TestPortal.enc("法律顾问") + "&region=" + TestPortal.enc("重庆市/渝北区") + "&section=problems", 200);
        assertThat(hitIds(region)).containsExactlyInAnyOrderElementsOf(truthIn("法律顾问", SectionKind.PROBLEMS, r -> inRegion(r, "重庆市/渝北区")))
                .contains(TJ21).hasSizeLessThan(truth("法律顾问", r -> inRegion(r, "重庆市/渝北区")).size());
    }

    @Test
    void sortAndPaginationLiveInTheUrl() throws Exception {
        Document byDate = page("/?sort=date&size=100", 200);
        List<String> expected = portal.reports.stream()
                .sorted(Comparator.comparing((Report r) -> r.published() == null ? "" : r.published().toString()).reversed()
                        .thenComparing(Report::id))
                .map(Report::id).toList();
        assertThat(hitIds(byDate)).containsExactlyElementsOf(expected);
        assertThat(byDate.selectFirst(".sort a.active").text()).isEqualTo("发布日期");

        Document p2 = page("/?sort=date&size=3&page=2", 200);
        assertThat(hitIds(p2)).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(p2.selectFirst(".pagination .current").text()).isEqualTo("2");
        assertThat(p2.selectFirst(".pagination a.next").attr("href")).isEqualTo("/?sort=date&page=3&size=3");
        assertThat(p2.selectFirst("ol.hits").attr("start")).isEqualTo("4");

        // Region order: the path in UTF-8 byte order (how Lucene compares sort keys), unknown regions last;
        // within one region the newest report first, then the id.
        Document byRegion = page("/?sort=region&size=100", 200);
        Comparator<Report> regionOrder = Comparator.comparing((Report r) -> regionPath(r).isEmpty())
                .thenComparing((a, b) -> Arrays.compareUnsigned(regionPath(a).getBytes(StandardCharsets.UTF_8), regionPath(b).getBytes(StandardCharsets.UTF_8)))
                .thenComparing(Report::published, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).reversed())
                .thenComparing(Report::id);
        List<String> byRegionExpected = portal.reports.stream().sorted(regionOrder).map(Report::id).toList();
        assertThat(hitIds(byRegion)).containsExactlyElementsOf(byRegionExpected);
        // The order is not the date order by accident: several regions, and reports of unknown region at the end.
        assertThat(byRegionExpected).isNotEqualTo(expected);
        assertThat(byRegionExpected.indexOf(UNPLACED)).isGreaterThan(byRegionExpected.indexOf(TJ21));
        assertThat(portal.reports.stream().map(PortalHttpTest::regionPath).distinct().count()).isGreaterThan(4);
    }

    @Test
    void emptyResultsSuggestWhatToRelax() throws Exception {
        Document doc = page("/?q=" + TestPortal.enc("法律顾问 民情茶室") + "&year=2023", 200);
        assertThat(total(doc)).isZero();
        List<String> suggestions = doc.select(".suggestions a").eachText();
        assertThat(suggestions).anyMatch(s -> s.contains("去掉筛选条件「年份：2023年」")).contains("只检索「法律顾问」", "只检索「民情茶室」");
        String relaxed = doc.select(".suggestions a").stream().filter(a -> a.text().equals("只检索「法律顾问」")).findFirst().orElseThrow().attr("href");
        assertThat(total(page(relaxed, 200))).isEqualTo(truth("法律顾问", r -> Integer.valueOf(2023).equals(r.year())).size()).isPositive();
    }

    @Test
    void aQueryMatchingNothingCombinedWithAFilterIsAnEmptyResultNotAnError() throws Exception {
        // Drill-sideways yields no facet result for a dimension without counts; that must read as "no facets".
        JsonNode body = json("/api/search?q=" + TestPortal.enc("zzzz") + "&level=township", 200);
        assertThat(body.get("total").asLong()).isZero();
        assertThat(body.get("hits")).isEmpty();
        assertThat(total(page("/?q=zzzz&level=township&year=2021", 200))).isZero();
    }

    @Test
    void badInputShowsTheMessageInThePageWith400() throws Exception {
        for (String path : List.of("/?q=%22", "/?q=%22(", "/?year=abc", "/?sort=best", "/?page=0", "/?size=1000", "/?section=foo", "/?level=x")) {
            HttpResponse<String> res = portal.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(400);
            Document doc = Jsoup.parse(res.body());
            assertThat(doc.select(".notice .message").text()).as(path).containsPattern("\\p{IsHan}");
            assertThat(doc.select("form.search-form input[name=q]")).hasSize(1);
            assertThat(res.body()).doesNotContain("Exception").doesNotContain("at fazhi.");
        }
        Document doc = page("/?q=%22", 400);
        assertThat(doc.selectFirst("input[name=q]").val()).isEqualTo("\"");
        assertThat(doc.select(".notice .message").text()).contains("没有可检索的文字");
        assertThat(page("/?year=abc", 400).select(".message").text()).contains("年份无效：abc");

        // Punctuation is ignored, so * with a stray quote and parenthesis still means "every report": results, no error.
        Document star = page("/?q=" + TestPortal.enc("*\"("), 200);
        assertThat(total(star)).isEqualTo(portal.reports.size());
        assertThat(star.select(".notice .message")).isEmpty();
        assertThat(star.selectFirst("input[name=q]").val()).isEqualTo("*\"(");
    }

    // ------------------------------------------------------------------ report page

    @Test
    void reportViewShowsOutlineHitsMetadataAndRelatedReports() throws Exception {
        Report r = portal.report(TJ21);
        Document doc = page("/report/" + TJ21 + "?q=" + TestPortal.enc("法律顾问"), 200);
        assertThat(doc.selectFirst("h1.report-title").text()).isEqualTo(r.title());
        assertThat(doc.select(".toc .kind").eachText()).containsExactlyElementsOf(r.sections().stream().map(s -> s.kind().label()).toList());
        long occurrences = r.sections().stream().mapToLong(s -> s.text().split("法律顾问", -1).length - 1).sum();
        assertThat(doc.select(".report-section mark")).hasSize((int) occurrences);
        assertThat(doc.select(".jump-list a")).hasSize((int) occurrences);
        for (Element jump : doc.select(".jump-list a")) {
            assertThat(doc.getElementById(jump.attr("href").substring(1))).isNotNull();
        }
        String meta = doc.select(".report-meta").text();
        assertThat(meta).contains(r.issuer(), "500112133", "2021年", "2022-01-12", "统景镇2021年报告.pdf");
        assertThat(doc.select(".report-meta .urls a").eachAttr("href")).containsAll(r.urls());
        List<String> related = doc.select(".related a").eachAttr("href").stream().map(h -> h.replaceFirst("^/report/([^?#]+).*$", "$1")).toList();
        // Every other report of the same township (the real 统景镇 sample among them), and peers of the same district and year.
        List<String> sameTownship = portal.reports.stream().filter(o -> o != r && regionPath(o).equals(regionPath(r))).map(Report::id).toList();
        assertThat(sameTownship).contains(TJ22, sampleWith("民情茶室"));
        assertThat(related).containsAll(sameTownship).contains(DS21).doesNotContain(DSJ23, TJ21);
        assertThat(doc.select(".report-actions a").eachText()).contains("与同区县的镇街对比", "同一镇街历年对比");
        // Body text is kept whole, paragraph by paragraph.
        assertThat(doc.select(".report-section p").eachText()).contains("开展普法活动12场。", "推进民主法治示范村创建。");
    }

    @Test
    void reportIdsAreValidated() throws Exception {
        page("/report/no-such-report", 404);
        page("/report/..%2F..%2Fetc%2Fpasswd", 400);
        page("/report/" + TestPortal.enc("统景镇"), 400);
        assertThat(portal.get("/report/a%00b").statusCode()).isEqualTo(400); // refused by Jetty before routing
        assertThat(json("/api/report/no-such-report", 404).get("error").asText()).contains("找不到报告");
        assertThat(json("/api/report/..%2Fetc", 400).get("code").asText()).isEqualTo("bad-id");
    }

    // ------------------------------------------------------------------ compare

    @Test
    void compareGridShowsParagraphsFiguresAndNotMentioned() throws Exception {
        String path = "/compare?q=" + TestPortal.enc("法律顾问") + "&id=" + TJ21 + "&id=" + DS21 + "&id=" + XL21;
        Document doc = page(path, 200);
        assertThat(doc.select("th.col").eachAttr("data-id")).containsExactly(TJ21, DS21, XL21);
        assertThat(doc.selectFirst("th.col[data-id=" + TJ21 + "] .col-title").text()).isEqualTo("统景镇 2021年");
        assertThat(doc.select("tbody th.row-head").eachText()).startsWith("主要举措和成效");
        Element measures = doc.select("tbody tr").first();
        List<Element> cells = measures.select("td");
        assertThat(cells.get(0).select("strong.fig").eachText()).contains("6件", "614起", "99.8%");
        assertThat(cells.get(0).select("mark").eachText()).allMatch(m -> m.equals("法律顾问"));
        assertThat(cells.get(1).select("strong.fig").eachText()).contains("12份");
        assertThat(cells.get(2).text()).isEqualTo("未提及");
        // The problems row: only 统景镇 2021 mentions the measure there.
        Element problems = doc.select("tbody tr").stream().filter(tr -> tr.selectFirst("th").text().equals("存在的不足和原因")).findFirst().orElseThrow();
        assertThat(problems.select("td").eachText()).element(1).isEqualTo("未提及");

        // Reorder and remove are links to the same grid with another column order.
        Document moved = page(doc.selectFirst("th.col[data-id=" + DS21 + "] a.move-left").attr("href"), 200);
        assertThat(moved.select("th.col").eachAttr("data-id")).containsExactly(DS21, TJ21, XL21);
        Document removed = page(moved.selectFirst("th.col[data-id=" + XL21 + "] a.remove").attr("href"), 200);
        assertThat(removed.select("th.col").eachAttr("data-id")).containsExactly(DS21, TJ21);
    }

    @Test
    void peerGroupsResolveToExplicitColumns() throws Exception {
        // 同区县的镇街: the report first, then the township reports of its district and year from other townships.
        Report of = portal.report(TJ21);
        List<String> districtPeers = portal.reports.stream()
                .filter(r -> r.level() == Level.TOWNSHIP && Objects.equals(r.year(), of.year()) && r.region().township() != null
                        && Objects.equals(r.region().district(), of.region().district()) && !r.region().township().equals(of.region().township()))
                .map(Report::id).toList();
        assertThat(districtPeers).contains(DS21, XL21).doesNotContain(TJ22, DSJ23, sampleWith("民情茶室"));
        HttpResponse<String> district = portal.get("/compare?group=district&of=" + TJ21 + "&q=" + TestPortal.enc("法律顾问"));
        assertThat(district.statusCode()).isEqualTo(302);
        String location = district.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/compare?q=" + TestPortal.enc("法律顾问") + "&");
        List<String> districtColumns = idParams(location);
        assertThat(districtColumns.getFirst()).isEqualTo(TJ21);
        assertThat(districtColumns.subList(1, districtColumns.size())).containsExactlyInAnyOrderElementsOf(districtPeers);
        assertThat(page(location, 200).select("th.col").eachAttr("data-id")).containsExactlyElementsOf(districtColumns);

        // 同一镇街历年: every report of the township, oldest first; the real 统景镇 2021 sample is one of them.
        List<String> township = portal.reports.stream().filter(r -> regionPath(r).equals(regionPath(portal.report(TJ22))))
                .map(Report::id).toList();
        assertThat(township).contains(TJ21, TJ22, sampleWith("民情茶室")).doesNotContain(DS21);
        HttpResponse<String> yearsRedirect = portal.get("/compare?group=township&of=" + TJ22);
        assertThat(yearsRedirect.statusCode()).isEqualTo(302);
        String years = yearsRedirect.headers().firstValue("Location").orElseThrow();
        assertThat(years).startsWith("/compare?id=").doesNotContain("q=");
        assertThat(idParams(years)).containsExactlyInAnyOrderElementsOf(township);
        assertOldestFirst(idParams(years));
        Document noMeasure = page(years, 200);
        assertThat(noMeasure.select(".empty h2").text()).isEqualTo("请输入对比指标");
        assertThat(noMeasure.select("form input[name=id]").eachAttr("value")).containsExactlyElementsOf(idParams(years));

        List<String> apiColumns = json("/api/compare?group=township&of=" + TJ21 + "&q=" + TestPortal.enc("法律顾问"), 200)
                .get("columns").findValuesAsText("id");
        assertThat(apiColumns).containsExactlyInAnyOrderElementsOf(township);
        assertOldestFirst(apiColumns);
    }

    @Test
    void compareErrors() throws Exception {
        assertThat(page("/compare", 200).select(".empty h2").text()).isEqualTo("还没有选择报告");
        StringBuilder many = new StringBuilder("/compare?q=x");
        for (int i = 0; i < 21; i++) {
            many.append("&id=r").append(i);
        }
        assertThat(page(many.toString(), 400).select(".message").text()).contains("最多对比 20 份");
        page("/compare?q=x&id=no-such", 404);
        page("/compare?q=x&id=..%2Fx", 400);
        page("/compare?group=city&of=" + TJ21, 400);
        assertThat(portal.report(UNPLACED).region().isUnknown()).isTrue();
        assertThat(page("/compare?group=township&of=" + UNPLACED, 400).select(".message").text()).contains("镇街未知");
        assertThat(page("/compare?group=district&of=" + UNPLACED, 400).select(".message").text()).contains("区县未知");
        assertThat(json("/api/compare?group=township&of=" + UNPLACED + "&q=x", 400).get("code").asText()).isEqualTo("no-township");
        assertThat(json("/api/compare?id=" + TJ21, 400).get("code").asText()).isEqualTo("compare-no-query");
        assertThat(json("/api/compare?q=x", 400).get("code").asText()).isEqualTo("compare-no-reports");
        assertThat(portal.getBytes("/compare.csv?q=x").statusCode()).isEqualTo(400);
    }

    @Test
    void compareExportsTheSameGridAsCsvAndJson() throws Exception {
        String qs = "q=" + TestPortal.enc("法律顾问") + "&id=" + TJ21 + "&id=" + XL21;
        HttpResponse<byte[]> res = portal.getBytes("/compare.csv?" + qs);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''" + TestPortal.enc("报告对比_法律顾问_2026-03-01.csv").replace("+", "%20"));
        List<CSVRecord> rows = csv(res);
        assertThat(rows.get(0).toList()).containsExactly("章节类别", "统景镇 2021年（" + TJ21 + "）", "兴隆镇 2021年（" + XL21 + "）");
        CSVRecord measures = rows.get(1);
        assertThat(measures.get(0)).isEqualTo("主要举措和成效");
        assertThat(measures.get(1)).contains("法律顾问审查合同6件").contains("99.8%");
        assertThat(measures.get(2)).isEqualTo("未提及");

        JsonNode grid = json("/api/compare?" + qs, 200);
        JsonNode measuresRow = null;
        for (JsonNode row : grid.get("rows")) {
            if (row.get("kind").asText().equals("measures")) {
                measuresRow = row;
            }
        }
        assertThat(measuresRow.get("cells").get(0).get("passages").findValuesAsText("text")).containsExactly(measures.get(1));
        assertThat(measuresRow.get("cells").get(1).get("passages").size()).isZero();
    }

    // ------------------------------------------------------------------ trends

    @Test
    void trendsCountMatchingReportsPerYearAndRegionWithShares() throws Exception {
        JsonNode t = json("/api/trends?q=" + TestPortal.enc("法律顾问"), 200);
        Map<String, long[]> expected = new TreeMap<>();
        for (Report r : portal.reports) {
            if (r.year() != null) {
                long[] counts = expected.computeIfAbsent(r.year().toString(), k -> new long[2]);
                counts[1]++;
                if (truth("法律顾问", x -> x == r).contains(r.id())) {
                    counts[0]++;
                }
            }
        }
        expected.values().removeIf(c -> c[0] == 0);
        List<String> years = new ArrayList<>();
        for (JsonNode p : t.get("years")) {
            years.add(p.get("value").asText());
            long[] c = expected.get(p.get("value").asText());
            assertThat(p.get("matching").asLong()).isEqualTo(c[0]);
            assertThat(p.get("all").asLong()).isEqualTo(c[1]);
        }
        assertThat(years).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(t.get("regions").findValuesAsText("value")).contains("重庆市/渝北区", "重庆市/合川区");

        Document doc = page("/trends?q=" + TestPortal.enc("法律顾问"), 200);
        assertThat(doc.select("#table-year tbody tr[data-label]").eachAttr("data-label")).containsExactlyElementsOf(
                expected.keySet().stream().map(y -> y + "年").toList());
        assertThat(doc.select("#table-region tbody tr[data-label]").eachAttr("data-label")).contains("重庆市 / 渝北区", "重庆市 / 合川区");
        assertThat(doc.select("script[src]").eachAttr("src")).containsExactly("/static/portal.js", "/static/echarts/echarts.min.js", "/static/trends.js");
        assertThat(doc.select("script:not([src])")).isEmpty();

        List<CSVRecord> rows = csv(portal.getBytes("/trends.csv?q=" + TestPortal.enc("法律顾问")));
        assertThat(rows.get(0).toList()).containsExactly("维度", "取值", "层级", "匹配报告数", "报告总数", "占比");
        assertThat(rows.stream().filter(r -> r.get(0).equals("年份")).count()).isEqualTo(expected.size());
        assertThat(portal.getBytes("/static/echarts/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(portal.get("/static/trends.js").body()).contains("echarts.init");
    }

    // ------------------------------------------------------------------ export

    @Test
    void exportStreamsOneRowPerMatchingSectionWithBomAndSafeCells() throws Exception {
        HttpResponse<byte[]> res = portal.getBytes("/export.csv?q=" + TestPortal.enc("法律顾问") + "&size=1&page=1");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/csv; charset=utf-8");
        String disposition = res.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"").contains("filename*=UTF-8''%E6%B3%95%E6%B2%BB%E6%8A%A5%E5%91%8A_%E6%B3%95%E5%BE%8B%E9%A1%BE%E9%97%AE_2026-03-01.csv");
        List<CSVRecord> rows = csv(res);
        assertThat(rows.get(0).get(0)).isEqualTo("报告ID");
        assertThat(rows).hasSize(1 + (int) matchingSections("法律顾问"));
        assertThat(rows.stream().skip(1).map(r -> r.get(0)).distinct().toList()).containsExactlyInAnyOrderElementsOf(truth("法律顾问", r -> true));
        assertThat(rows.stream().skip(1).map(r -> r.get(14))).anyMatch(c -> c.startsWith("'=SUM(A1)")).noneMatch(c -> c.startsWith("="));

        List<CSVRecord> perReport = csv(portal.getBytes("/export.csv?q=" + TestPortal.enc("法律顾问") + "&unit=report"));
        assertThat(perReport).hasSize(1 + truth("法律顾问", r -> true).size());
        assertThat(perReport.get(0).toList()).isEqualTo(fazhi.indexer.render.SearchCsv.HEADER);

        // No query: every report, however small the page size of the link.
        assertThat(csv(portal.getBytes("/export.csv?size=1&unit=report"))).hasSize(1 + portal.reports.size());
        assertThat(portal.getBytes("/export.csv?unit=page").statusCode()).isEqualTo(400);
        assertThat(portal.getBytes("/export.csv?q=%22").statusCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ JSON API

    @Test
    void apiSearchHasTheDesignShape() throws Exception {
        String id = sampleWith("民情茶室");
        JsonNode res = json("/api/search?q=" + TestPortal.enc("民情茶室"), 200);
        assertThat(res.get("query").asText()).isEqualTo("民情茶室");
        assertThat(res.get("total").asLong()).isEqualTo(1);
        JsonNode hit = res.get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo(id);
        for (String field : List.of("title", "issuer", "level", "year", "region", "url", "score", "matches")) {
            assertThat(hit.has(field)).as(field).isTrue();
        }
        JsonNode match = hit.get("matches").get(0);
        assertThat(match.get("kind").asText()).isEqualTo("measures");
        assertThat(match.get("snippet").asText()).contains("<mark>民情茶室</mark>");
        for (String facet : List.of("year", "region", "section", "level")) {
            assertThat(res.get("facets").get(facet).isArray()).as(facet).isTrue();
        }
        assertThat(json("/api/search?year=abc", 400).get("error").asText()).contains("年份无效");
        assertThat(json("/api/search?q=%22", 400).has("error")).isTrue();

        JsonNode report = json("/api/report/" + TJ21, 200);
        assertThat(ReportJson.mapper().treeToValue(report, Report.class)).isEqualTo(portal.report(TJ21));
    }

    // ------------------------------------------------------------------ safety

    @Test
    void crawledTextIsEscapedEverywhere() throws Exception {
        for (String path : List.of("/?q=" + TestPortal.enc("脚本注入测试"), "/report/" + XL21, "/report/" + XL21 + "?q=" + TestPortal.enc("alert"),
                "/compare?q=" + TestPortal.enc("脚本注入测试") + "&id=" + XL21)) {
            Document doc = page(path, 200);
            assertThat(doc.select("script:not([src])")).as(path).isEmpty();
            assertThat(doc.select("img")).as(path).isEmpty();
            assertThat(doc.select("a[href^=javascript]")).as(path).isEmpty();
            assertThat(doc.body().text()).as(path).contains("<script>alert(1)</script>");
        }
        assertThat(page("/report/" + XL21, 200).select(".report-meta .plain-url").text()).isEqualTo("javascript:alert(3)");
    }

    @Test
    void everyResponseCarriesCspAndNosniff() throws Exception {
        for (String path : List.of("/", "/?q=%22", "/report/" + TJ21, "/report/nope", "/compare", "/trends", "/export.csv?unit=report",
                "/api/search", "/api/report/nope", "/nope", "/api/nope", "/static/portal.css", "/static/trends.js", "/static/echarts/echarts.min.js")) {
            HttpResponse<byte[]> res = portal.getBytes(path);
            String csp = res.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + path));
            String scripts = Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith("script-src")).findFirst().orElseThrow();
            assertThat(scripts).as(path).isEqualTo("script-src 'self'");
            assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(res.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(res.headers().firstValue("Content-Type").orElseThrow().toLowerCase()).as(path).contains("charset=utf-8");
        }
        assertThat(portal.get("/nope").statusCode()).isEqualTo(404);
        assertThat(json("/api/nope", 404).get("error").asText()).contains("/api/nope");
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        HttpResponse<String> longUri = portal.get("/?q=" + TestPortal.enc("法".repeat(5_000)));
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(longUri.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> bigHeader = portal.client.send(HttpRequest.newBuilder(URI.create(portal.url("/")))
                .header("X-Padding", "a".repeat(40_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(431);

        // The server refuses an oversized body from its declared length, before reading it. A client still uploading
        // may see the connection close instead of the answer (a race), so declare the length and wait for the reply.
        try (Socket raw = new Socket("127.0.0.1", portal.server.port())) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(("POST /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 200000\r\n\r\n" + "x".repeat(1_000)).getBytes(StandardCharsets.US_ASCII));
            raw.getOutputStream().flush();
            String reply = new String(raw.getInputStream().readNBytes(4_096), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 413").contains("\"error\"").contains("Content-Security-Policy");
        }

        // A long but acceptable query is answered (results or a clear message), never a stack trace.
        HttpResponse<String> longQuery = portal.get("/api/search?q=" + TestPortal.enc("法律顾问".repeat(500)));
        assertThat(longQuery.statusCode()).isIn(200, 400);
        assertThat(longQuery.body()).doesNotContain("Exception");
        try (Socket s = new Socket("127.0.0.1", portal.server.port())) {
            assertThat(s.getInetAddress().isLoopbackAddress()).isTrue();
        }
    }
}
