package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Level;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.core.model.SectionKind;
import fazhi.indexer.TestCorpora;
import fazhi.indexer.analysis.Synonyms;
import fazhi.indexer.analysis.UserDictionary;
import fazhi.indexer.index.Indexer;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facet counter's per-reader ordinal table gives exactly what Lucene's own {@code Facets.getTopChildren} gives
 * (values, counts, order including count ties, drill-sideways counts), over an index of several segments, and a
 * refreshed reader never sees the previous reader's labels.
 */
class FacetCounterTest {
    static final Region[] REGIONS = {
        new Region("重庆市", null, "渝北区", "统景镇", "500112133"),
        new Region("重庆市", null, "渝北区", "双凤桥街道", "500112004"),
        new Region("重庆市", null, "渝北区", "大湾镇", "500112120"),
        new Region("重庆市", null, "合川区", "大石街道", "500117007"),
        new Region("重庆市", null, "合川区", null, "500117"),
        new Region("四川省", "成都市", "武侯区", null, "510107"),
        new Region("四川省", "成都市", "锦江区", "春熙路街道", "510104020"),
        new Region("四川省", "绵阳市", "涪城区", null, "510703"),
        new Region("北京市", null, "海淀区", "中关村街道", "110108009"),
        null,
    };

    static List<Report> reports(String prefix, int count, long seed, Region[] regions) {
        Random random = new Random(seed);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Region region = regions[random.nextInt(regions.length)];
            Level level = Level.values()[random.nextInt(Level.values().length)];
            String text = random.nextBoolean() ? "推进法治政府建设。" : "法律顾问制度。";
            reports.add(TestCorpora.report(prefix + i, 2019 + random.nextInt(5), LocalDate.of(2021, 1, 1).plusDays(i),
                    level, region, new Section("一、主要举措", SectionKind.MEASURES, text)));
        }
        return reports;
    }

    static final List<SearchRequest> REQUESTS = List.of(
            SearchRequest.of(""),
            SearchRequest.of("法治政府"),
            SearchRequest.builder().q("法律顾问").year("2020").year("2022").build(),
            SearchRequest.builder().region("重庆市/渝北区").level("township").build(),
            SearchRequest.builder().q("法治").region("四川省").region("北京市/海淀区/中关村街道").year("2021").build());

    @Test
    void countsEqualLuceneTopChildrenOverSeveralSegments(@TempDir Path dir) throws IOException {
        List<Report> first = reports("a", 150, 1, REGIONS);
        TestCorpora.index(dir, first);
        TestCorpora.index(dir, reports("b", 150, 2, REGIONS)); // a second indexing run: a second segment
        try (var directory = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryTranslator translator = new QueryTranslator(UserDictionary.shipped(), Synonyms.shipped(),
                    new QueryBitSetProducer(QueryTranslator.allReports()));
            FacetCounter counter = new FacetCounter(translator);
            // One region path per report: the table counts the deepest ordinals only and rolls them up, exactly.
            assertThat(FacetTable.build(new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACET_FIELD,
                    IndexSchema.facetsConfig())).rolledUp()).isTrue();
            for (SearchRequest request : REQUESTS) {
                SearchFacets facets = count(counter, translator, searcher, request);
                assertThat(facets.region()).as(request.toQueryString()).isNotEmpty();
                assertThat(show(facets)).as(request.toQueryString()).isEqualTo(reference(counter, translator, searcher, request));
            }
        }
    }

    @Test
    void aRefreshedReaderGetsItsOwnLabels(@TempDir Path dir) throws IOException {
        Region[] before = {REGIONS[0], REGIONS[5]};
        // Names that sort before and between the old ones, so every old ordinal moves.
        Region[] added = {new Region("上海市", null, "黄浦区", null, "310101"), new Region("四川省", "成都市", "成华区", null, "510108")};
        TestCorpora.index(dir, reports("a", 40, 3, before));
        try (SearchService service = SearchService.open(dir)) {
            String old = FacetsAndPagingTest.show(service.search(SearchRequest.of("")).facets().region());
            assertThat(old).doesNotContain("上海市").doesNotContain("成华区");
            TestCorpora.index(dir, reports("b", 40, 4, added));
            assertThat(service.refresh()).isTrue();
            SearchFacets now = service.search(SearchRequest.of("")).facets();
            assertThat(FacetsAndPagingTest.show(now.region())).contains("上海市=").contains("四川省/成都市/成华区=")
                    .contains("重庆市/渝北区/统景镇=");
            long total = now.region().stream().mapToLong(FacetCount::count).sum();
            assertThat(total).isEqualTo(80);
            try (var directory = FSDirectory.open(Indexer.indexDirectory(dir)); DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryTranslator translator = new QueryTranslator(UserDictionary.shipped(), Synonyms.shipped(),
                        new QueryBitSetProducer(QueryTranslator.allReports()));
                FacetCounter counter = new FacetCounter(translator);
                assertThat(show(now)).isEqualTo(reference(counter, translator, searcher, SearchRequest.of("")));
            }
        }
    }

    @Test
    void aLargeRegionTreeListsTheBiggestBranchesWithinTheBudgetAndEverySelectedPath(@TempDir Path dir) throws IOException {
        // 3 provinces × 10 districts × 20–47 townships = 1,038 region values, more than the budget of listed values.
        List<Report> reports = new ArrayList<>();
        java.util.Map<String, Integer> truth = new java.util.HashMap<>();
        int n = 0;
        for (int p = 0; p < 3; p++) {
            for (int d = 0; d < 10; d++) {
                for (int t = 0; t < 20 + 3 * d; t++) { // districts of 20–47 townships: big ones may not fit
                    Region region = new Region("省" + p, null, "区" + p + "_" + d, "镇" + p + "_" + d + "_" + t, null);
                    int copies = 1 + (p + d + t) % 3;
                    for (int c = 0; c < copies; c++) {
                        reports.add(TestCorpora.report("r" + n++, 2021, LocalDate.of(2021, 1, 1), Level.TOWNSHIP, region,
                                new Section("一、主要举措", SectionKind.MEASURES, "推进法治政府建设。")));
                        for (String path : List.of(region.province(), region.province() + "/" + region.district(),
                                region.province() + "/" + region.district() + "/" + region.township())) {
                            truth.merge(path, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        try (SearchService service = TestCorpora.indexAndOpen(dir, reports)) {
            List<FacetCount> tree = service.search(SearchRequest.of("法治")).facets().region();
            assertThat(tree).extracting(FacetCount::value).containsExactlyInAnyOrder("省0", "省1", "省2");
            assertThat(nodes(tree)).isBetween(3 + 30, FacetCounter.REGION_NODE_BUDGET);
            checkAgainstTruth(tree, truth);
            // The districts that list their townships are the biggest ones: none left closed is bigger.
            List<FacetCount> districts = tree.stream().flatMap(p -> p.children().stream()).toList();
            long smallestOpen = districts.stream().filter(d -> !d.children().isEmpty()).mapToLong(FacetCount::count).min().orElseThrow();
            long biggestClosed = districts.stream().filter(d -> d.children().isEmpty()).mapToLong(FacetCount::count).max().orElseThrow();
            assertThat(smallestOpen).isGreaterThanOrEqualTo(biggestClosed);

            String selected = "省1/区1_3/镇1_3_7";
            List<FacetCount> drilled = service.search(SearchRequest.builder().q("法治").region(selected).build()).facets().region();
            FacetCount province = drilled.stream().filter(f -> f.value().equals("省1")).findFirst().orElseThrow();
            FacetCount district = province.children().stream().filter(f -> f.value().equals("省1/区1_3")).findFirst().orElseThrow();
            assertThat(district.children()).hasSize(20 + 3 * 3).anySatisfy(f -> {
                assertThat(f.value()).isEqualTo(selected);
                assertThat(f.selected()).isTrue();
            });
            checkAgainstTruth(drilled, truth);
        }
    }

    private static int nodes(List<FacetCount> values) {
        return values.stream().mapToInt(v -> 1 + nodes(v.children())).sum();
    }

    /** Every listed value has its true count, and a value that lists children lists all of them. */
    private static void checkAgainstTruth(List<FacetCount> values, java.util.Map<String, Integer> truth) {
        for (FacetCount v : values) {
            assertThat(v.count()).as(v.value()).isEqualTo(truth.get(v.value()).longValue());
            if (!v.children().isEmpty()) {
                long expected = truth.keySet().stream().filter(k -> k.startsWith(v.value() + "/") && k.indexOf('/', v.value().length() + 1) < 0).count();
                assertThat(v.children()).as("children of " + v.value()).hasSize((int) expected);
                checkAgainstTruth(v.children(), truth);
            }
        }
    }

    static SearchFacets count(FacetCounter counter, QueryTranslator translator, IndexSearcher searcher, SearchRequest request) throws IOException {
        QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
        QueryTranslator.Translation t = translator.translate(parsed, request.sections());
        var query = counter.drillDown(t.reportQuery(), request);
        FacetCounter.Counts counts = counter.count(searcher, request, query, parsed, null);
        assertThat(counts.total()).as("total of " + request.toQueryString()).isEqualTo(searcher.count(query));
        return counts.facets();
    }

    static String show(SearchFacets f) {
        return "year " + FacetsAndPagingTest.show(f.year()) + " | level " + FacetsAndPagingTest.show(f.level())
                + " | region " + FacetsAndPagingTest.show(f.region()) + " | labels " + labels(f.region());
    }

    static String labels(List<FacetCount> values) {
        return values.stream().map(v -> v.label() + (v.children().isEmpty() ? "" : "(" + labels(v.children()) + ")"))
                .collect(Collectors.joining(" "));
    }

    /** The same facets through Lucene's Facets API (getAllDims / getTopChildren per region value). */
    static String reference(FacetCounter counter, QueryTranslator translator, IndexSearcher searcher, SearchRequest request) throws IOException {
        QueryTranslator.ParsedQuery parsed = translator.parse(request.q());
        QueryTranslator.Translation t = translator.translate(parsed, request.sections());
        var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), IndexSchema.FACET_FIELD, IndexSchema.facetsConfig());
        Facets facets = new DrillSideways(searcher, IndexSchema.facetsConfig(), state)
                .search(counter.drillDown(t.reportQuery(), request), 1).facets;
        List<FacetCount> years = flat(facets.getTopChildren(200, IndexSchema.FACET_YEAR), request.years().stream().map(String::valueOf).toList())
                .stream().sorted(java.util.Comparator.comparing(FacetCount::value).reversed()).toList();
        List<FacetCount> levels = flat(facets.getTopChildren(200, IndexSchema.FACET_LEVEL), request.levels().stream().map(Level::code).toList());
        List<FacetCount> regions = regions(facets, facets.getTopChildren(200, IndexSchema.FACET_REGION), List.of(), request);
        SearchFacets expected = new SearchFacets(years, regions, List.of(), levels);
        return show(expected);
    }

    static List<FacetCount> flat(FacetResult result, List<String> selected) {
        List<FacetCount> values = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                values.add(new FacetCount(lv.label, lv.label, lv.value.longValue(), selected.contains(lv.label), List.of()));
            }
        }
        return values;
    }

    static List<FacetCount> regions(Facets facets, FacetResult result, List<String> parent, SearchRequest request) throws IOException {
        List<FacetCount> values = new ArrayList<>();
        if (result == null) {
            return values;
        }
        for (LabelAndValue lv : result.labelValues) {
            List<String> path = new ArrayList<>(parent);
            path.add(lv.label);
            String value = String.join("/", path);
            FacetResult children = facets.getTopChildren(200, IndexSchema.FACET_REGION, path.toArray(String[]::new));
            values.add(new FacetCount(value, lv.label, lv.value.longValue(),
                    request.regions().contains(value) || request.regions().contains(lv.label), regions(facets, children, path, request)));
        }
        return values;
    }
}
