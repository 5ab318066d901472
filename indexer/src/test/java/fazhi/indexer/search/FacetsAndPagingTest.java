package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Facet counts (hierarchical region, drill-sideways multi-select), sorting and deep paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetsAndPagingTest {
    static final Region TONGJING = new Region("重庆市", null, "渝北区", "统景镇", "500112133");
    static final Region SHUANGFENG = new Region("重庆市", null, "渝北区", "双凤桥街道", "500112004");
    static final Region DASHI = new Region("重庆市", null, "合川区", "大石街道", "500117007");
    static final Region WUHOU = new Region("四川省", "成都市", "武侯区", null, "510107");

    SearchService service;
    Path dataDir;
    List<Report> reports = new ArrayList<>();

    @BeforeAll
    void index(@TempDir Path dir) throws IOException {
        Region[] regions = {TONGJING, SHUANGFENG, DASHI, WUHOU, null};
        Level[] levels = {Level.TOWNSHIP, Level.TOWNSHIP, Level.TOWNSHIP, Level.DISTRICT, Level.UNKNOWN};
        for (int i = 0; i < 60; i++) {
            int r = i % 5;
            List<Section> sections = new ArrayList<>();
            sections.add(new Section("一、主要举措", SectionKind.MEASURES, "推进法治政府建设，第" + i + "号。"));
            if (i % 3 == 0) {
                sections.add(new Section("二、存在的不足", SectionKind.PROBLEMS, "法治政府建设仍有差距。"));
            }
            reports.add(TestCorpora.report(String.format("f%02d", i), 2019 + i % 4, LocalDate.of(2020, 1, 1).plusDays(i * 7L),
                    levels[r], regions[r], sections.toArray(Section[]::new)));
        }
        service = TestCorpora.indexAndOpen(dir, reports);
        dataDir = dir;
    }

    @AfterAll
    void close() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    static String show(List<FacetCount> facet) {
        return facet.stream().map(f -> f.value() + "=" + f.count() + (f.selected() ? "*" : "")
                + (f.children().isEmpty() ? "" : "(" + show(f.children()) + ")")).collect(Collectors.joining(" "));
    }

    @Test
    void facetsCountReportsHierarchically() {
        SearchResult all = service.search(SearchRequest.of("法治政府"));
        assertThat(all.total()).isEqualTo(60);
        assertThat(show(all.facets().year())).isEqualTo("2022=15 2021=15 2020=15 2019=15");
        assertThat(show(all.facets().level())).isEqualTo("township=36 district=12 unknown=12");
        assertThat(show(all.facets().section())).isEqualTo("measures=60 problems=20");
        assertThat(show(all.facets().region())).isEqualTo(
                "重庆市=36(重庆市/渝北区=24(重庆市/渝北区/双凤桥街道=12 重庆市/渝北区/统景镇=12) 重庆市/合川区=12(重庆市/合川区/大石街道=12)) "
                        + "四川省=12(四川省/成都市=12(四川省/成都市/武侯区=12))");
        assertThat(all.facets().region().getFirst().label()).isEqualTo("重庆市");
        assertThat(all.facets().region().getFirst().children().getFirst().label()).isEqualTo("渝北区");
    }

    @Test
    void multiSelectIsOrWithinAFacetAndAndAcrossWithDrillSidewaysCounts() {
        SearchRequest request = SearchRequest.builder().q("法治政府").year("2019").year("2020").level("township").build();
        SearchResult result = service.search(request);
        long expected = reports.stream().filter(r -> (r.year() == 2019 || r.year() == 2020) && r.level() == Level.TOWNSHIP).count();
        assertThat(result.total()).isEqualTo(expected);
        // Year counts ignore the year selection (so 2021 and 2022 stay visible) but respect the level selection.
        assertThat(show(result.facets().year())).isEqualTo("2022=9 2021=9 2020=9* 2019=9*");
        // Level counts ignore the level selection but respect the years.
        assertThat(show(result.facets().level())).isEqualTo("township=18* district=6 unknown=6");
    }

    @Test
    void regionFilterAcceptsPathCodeOrName() {
        long yubei = reports.stream().filter(r -> "渝北区".equals(r.region().district())).count();
        assertThat(service.search(SearchRequest.builder().region("重庆市/渝北区").build()).total()).isEqualTo(yubei);
        assertThat(service.search(SearchRequest.builder().region("500112").build()).total()).isEqualTo(yubei);
        assertThat(service.search(SearchRequest.builder().region("渝北区").build()).total()).isEqualTo(yubei);
        SearchResult two = service.search(SearchRequest.builder().region("重庆市/渝北区/统景镇").region("四川省").build());
        assertThat(two.total()).isEqualTo(24);
        assertThat(show(two.facets().region())).startsWith("重庆市=36(重庆市/渝北区=24(重庆市/渝北区/双凤桥街道=12 重庆市/渝北区/统景镇=12*) ").contains("四川省=12*");
    }

    @Test
    void sortByDateAndRegion() {
        SearchResult byDate = service.search(SearchRequest.builder().q("法治").sort("date").size(5).build());
        assertThat(byDate.hits()).extracting(ReportHit::id).containsExactly("f59", "f58", "f57", "f56", "f55");
        SearchResult byRegion = service.search(SearchRequest.builder().q("法治").sort("region").size(100).build());
        List<String> paths = byRegion.hits().stream().map(h -> h.region().province() == null ? "\uFFFF" : String.join("/",
                h.region().province(), h.region().district() == null ? "" : h.region().district())).toList();
        assertThat(paths).isSorted();
        assertThat(byRegion.hits().getLast().region().isUnknown()).isTrue();
    }

    @Test
    void hitsCarryTheSameRelevanceScoreInEveryOrder() throws IOException {
        java.util.Map<String, Float> byRelevance = new java.util.HashMap<>();
        List<ReportHit> ranked = service.search(SearchRequest.builder().q("法治 差距").size(100).build()).hits();
        ranked.forEach(h -> byRelevance.put(h.id(), h.score()));
        assertThat(ranked).isNotEmpty().allSatisfy(h -> assertThat(h.score()).isPositive());
        assertThat(ranked).extracting(ReportHit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        for (SortOrder sort : SortOrder.values()) {
            SearchRequest request = SearchRequest.builder().q("法治 差距").sort(sort).size(100).build();
            assertThat(service.search(request).hits()).as(sort.code())
                    .allSatisfy(h -> assertThat(h.score()).isEqualTo(byRelevance.get(h.id())));
            service.forEachHit(request, 0, h -> assertThat(h.score()).as(sort.code()).isEqualTo(byRelevance.get(h.id())));
        }
    }

    @Test
    void pagesAndCursorsWalkTheSameOrderWithoutGapsOrRepeats() throws IOException {
        for (SortOrder sort : SortOrder.values()) {
            List<String> all = new ArrayList<>();
            service.forEachHit(SearchRequest.builder().q("法治").sort(sort).build(), 0, h -> all.add(h.id()));
            assertThat(all).hasSize(60).doesNotHaveDuplicates();
            assertThat(service.reportIds(SearchRequest.builder().q("法治").sort(sort).build(), 0)).as(sort.code()).isEqualTo(all);
            // Streaming orders the results one chunk per query match: chunk boundaries must not reorder or drop any.
            try (SearchService chunked = SearchService.open(dataDir, 7)) {
                List<String> byChunk = new ArrayList<>();
                chunked.forEachHit(SearchRequest.builder().q("法治").sort(sort).build(), 0, h -> byChunk.add(h.id()));
                assertThat(byChunk).as(sort.code()).isEqualTo(all);
                assertThat(chunked.reportIds(SearchRequest.builder().q("法治").sort(sort).build(), 0)).as(sort.code()).isEqualTo(all);
                assertThat(chunked.reportIds(SearchRequest.builder().q("法治").sort(sort).build(), 23)).isEqualTo(all.subList(0, 23));
            }

            List<String> byPage = new ArrayList<>();
            for (int page = 1; page <= 7; page++) {
                service.search(SearchRequest.builder().q("法治").sort(sort).page(page).size(9).build()).hits()
                        .forEach(h -> byPage.add(h.id()));
            }
            assertThat(byPage).as(sort.code()).isEqualTo(all);

            List<String> byCursor = new ArrayList<>();
            SearchRequest request = SearchRequest.builder().q("法治").sort(sort).size(7).build();
            SearchResult page = service.search(request);
            while (true) {
                page.hits().forEach(h -> byCursor.add(h.id()));
                if (page.nextCursor() == null) {
                    break;
                }
                page = service.search(request.withCursor(page.nextCursor()));
            }
            assertThat(byCursor).as(sort.code()).isEqualTo(all);
        }
    }

    @Test
    void resultsAreCachedPerRequestValue() {
        SearchRequest a = SearchRequest.builder().q("  法治   政府 ").year("2020").year("2019").build();
        SearchRequest b = SearchRequest.builder().q("法治 政府").year("2019").year("2020").build();
        assertThat(a).isEqualTo(b);
        assertThat(service.search(a)).isSameAs(service.search(b));
        assertThat(a.toQueryString()).isEqualTo("q=%E6%B3%95%E6%B2%BB+%E6%94%BF%E5%BA%9C&year=2019&year=2020");
    }

    @Test
    void compareLaysOutMatchingParagraphsByKindAndReport() {
        Comparison c = service.compare("法治政府", List.of("f00", "f01"));
        assertThat(c.columns()).extracting(Comparison.Column::label).containsExactly("统景镇 2019年", "双凤桥街道 2020年");
        assertThat(c.rows()).extracting(Comparison.Row::kind).containsExactly(SectionKind.values());
        Comparison.Row problems = c.rows().get(SectionKind.PROBLEMS.ordinal());
        assertThat(problems.cells()).extracting(Comparison.Cell::mentioned).containsExactly(true, false);
        assertThat(problems.cells().getFirst().passages().getFirst().html()).isEqualTo("<mark>法治政府</mark>建设仍有差距。");
        assertThat(c.rows().get(SectionKind.PLANS.ordinal()).cells()).noneMatch(Comparison.Cell::mentioned);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.compare("", List.of("f00")))
                .isInstanceOf(fazhi.core.BadInputException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.compare("法治", List.of("nope")))
                .isInstanceOf(fazhi.core.BadInputException.class).hasMessageContaining("找不到报告");
    }

    @Test
    void trendsGiveMatchingAndAllReportsPerYearAndRegion() {
        Trends trends = Trends.of(service, SearchRequest.builder().q("section:problems 法治").build());
        assertThat(trends.years()).extracting(p -> p.value() + ":" + p.matching() + "/" + p.all())
                .containsExactly("2022:5/15", "2021:5/15", "2020:5/15", "2019:5/15");
        assertThat(trends.years().getFirst().share()).isEqualTo(5.0 / 15);
        assertThat(trends.regions()).extracting(p -> p.value() + "@" + p.depth() + ":" + p.matching() + "/" + p.all())
                .contains("重庆市@0:12/36", "重庆市/渝北区@1:8/24", "四川省/成都市/武侯区@2:4/12");
    }

    @Test
    void reportRecordById() {
        assertThat(service.report("f07")).get().extracting(Report::year).isEqualTo(2022);
        assertThat(service.report("nope")).isEmpty();
        List<SearchService.SectionView> views = service.reportSections("f00", "法治政府");
        assertThat(views).extracting(SearchService.SectionView::matched).containsExactly(true, true);
        assertThat(views.getFirst().html()).isEqualTo("推进<mark>法治政府</mark>建设，第0号。");
    }
}
