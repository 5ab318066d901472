package fazhi.indexer.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fazhi.core.model.Level;
import fazhi.core.model.SectionKind;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Facet filters and counts: the request's year, region and level selections as a {@link DrillDownQuery}
 * (values of one facet OR'ed, facets AND'ed), and drill-sideways counts for year, region (hierarchical, down to
 * township) and level from the SortedSetDocValues facets, plus the section-kind counts, which come from the same
 * translation restricted to each kind in turn.
 */
final class FacetCounter {
    private static final int FACET_TOP = 200;

    private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();
    private final QueryTranslator translator;
    /**
     * Facet ordinals with their labels and hierarchy per reader (readers are immutable; a refresh brings a new
     * reader and so a new key): built once, then every query's facets are counts over an array. Old readers age out.
     */
    private final Cache<IndexReader.CacheKey, Optional<FacetTable>> facetTables =
            Caffeine.newBuilder().maximumSize(8).build();

    FacetCounter(QueryTranslator translator) {
        this.translator = translator;
    }

    /** The base query with the facet filters: several values of a facet OR'ed, facets AND'ed. */
    DrillDownQuery drillDown(Query base, SearchRequest request) {
        DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
        dimFilters(request).forEach(ddq::add);
        return ddq;
    }

    /** The request's facet filters by dimension (several values of one facet OR'ed): year, region, level. */
    static java.util.LinkedHashMap<String, Query> dimFilters(SearchRequest request) {
        java.util.LinkedHashMap<String, Query> dims = new java.util.LinkedHashMap<>();
        if (!request.years().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.years().forEach(y -> any.add(IntPoint.newExactQuery(IndexSchema.YEAR, y), Occur.SHOULD));
            dims.put(IndexSchema.FACET_YEAR, any.build());
        }
        if (!request.regions().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.regions().forEach(r -> any.add(QueryTranslator.regionQuery(r), Occur.SHOULD));
            dims.put(IndexSchema.FACET_REGION, any.build());
        }
        if (!request.levels().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.levels().forEach(l -> any.add(new TermQuery(new Term(IndexSchema.LEVEL, l.code())), Occur.SHOULD));
            dims.put(IndexSchema.FACET_LEVEL, any.build());
        }
        return dims;
    }

    /**
     * The same figures as {@link #count} — and the page's hits when {@code hits} is given — from one walk over the
     * matching sections ({@link OnePassSearch}), when the query is a conjunction of phrases and filters (most
     * searches); empty otherwise, or on an index without facets yet.
     */
    Optional<Counts> countOnePass(IndexSearcher searcher, SearchRequest request, QueryTranslator.ParsedQuery parsed,
                                  TopFieldCollectorManager hits, boolean byScore) throws IOException {
        Optional<QueryTranslator.Conjunction> conjunction = translator.conjunction(parsed);
        if (conjunction.isEmpty()) {
            return Optional.empty();
        }
        Optional<FacetTable> table = facetTable(searcher.getIndexReader());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        OnePassSearch.Result r = OnePassSearch.run(searcher, conjunction.get(), QueryTranslator.kindMask(request.sections()), dimFilters(request),
                translator.reportDocs(), table.get(), hits, byScore);
        SearchFacets facets = facets(table.get(), dim -> r.sideways().getOrDefault(dim, r.drillDown()), r.kinds(), request);
        return Optional.of(new Counts(r.total(), facets, r.top()));
    }

    /** Year, region and level facets from counts per ordinal (per dimension), and the section facet from counts per kind. */
    private SearchFacets facets(FacetTable table, java.util.function.Function<String, int[]> counts, long[] byKind,
                                SearchRequest request) {
        List<FacetCount> years = flat(table, counts.apply(IndexSchema.FACET_YEAR), IndexSchema.FACET_YEAR, v -> v + "年",
                v -> request.years().contains(Integer.valueOf(v)));
        years = years.stream().sorted(Comparator.comparing(FacetCount::value).reversed()).toList();
        List<FacetCount> levels = flat(table, counts.apply(IndexSchema.FACET_LEVEL), IndexSchema.FACET_LEVEL, v -> Level.fromCode(v).label(),
                v -> request.levels().contains(Level.fromCode(v)));
        List<FacetCount> regions = regions(table, counts.apply(IndexSchema.FACET_REGION), request);
        return new SearchFacets(years, regions, sectionFacet(byKind, request), levels);
    }

    /** Total (matching reports) and facets of a drill-down query, and the top hits when they were asked for. */
    record Counts(long total, SearchFacets facets, TopDocs top) {
    }

    /**
     * Total, facets and (when {@code hits} is not null) the page's top hits, from one matching of the query: the
     * hits are collected by the same drill-sideways pass the facets are counted from (its drill-down documents are
     * exactly what {@code searcher.search(query, hits)} would see), so the query is not matched again for the page
     * or for the total. The section facet takes one more pass (see {@link #sectionKindCounts}).
     */
    Counts count(IndexSearcher searcher, SearchRequest request, DrillDownQuery query, QueryTranslator.ParsedQuery parsed,
                 TopFieldCollectorManager hits) throws IOException {
        Optional<FacetTable> table = facetTable(searcher.getIndexReader());
        long[] byKind = sectionKindCounts(searcher, request, parsed);
        if (table.isEmpty()) { // an index without facet values yet: nothing to count them over
            TopDocs top = hits == null ? null : searcher.search(query, hits);
            return new Counts(searcher.count(query), new SearchFacets(List.of(), List.of(), sectionFacet(byKind, request), List.of()), top);
        }
        CountingSideways sideways = new CountingSideways(searcher, facetsConfig, table.get());
        TopDocs top = null;
        if (hits == null) {
            sideways.search(query, 1);
        } else {
            top = sideways.search(query, hits).collectorResult;
        }
        return new Counts(sideways.total, facets(table.get(), sideways::counts, byKind, request), top);
    }

    /**
     * Drill-sideways that keeps the collected documents instead of building Lucene's {@code Facets}: counts come
     * from {@link FacetTable#count}. A dimension with a selection is counted over its sideways hits (the query with
     * every other facet's filter, not its own), every other dimension over the drill-down hits.
     */
    private static final class CountingSideways extends DrillSideways {
        private final FacetTable table;
        private final Map<String, int[]> byDim = new java.util.HashMap<>();
        private int[] drillDownCounts;
        /** Documents matching the whole drill-down query (every facet filter). */
        private long total;

        CountingSideways(IndexSearcher searcher, FacetsConfig config, FacetTable table) {
            super(searcher, config, table.state());
            this.table = table;
        }

        @Override
        protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
                                           String[] drillSidewaysDims) throws IOException {
            drillDownCounts = drillDowns == null ? null : table.count(drillDowns);
            if (drillDowns != null) {
                for (FacetsCollector.MatchingDocs hits : drillDowns.getMatchingDocs()) {
                    total += hits.totalHits();
                }
            }
            if (drillSideways != null) {
                for (int i = 0; i < drillSideways.length; i++) {
                    if (drillSideways[i] != null) {
                        byDim.put(drillSidewaysDims[i], table.count(drillSideways[i]));
                    }
                }
            }
            return null; // nothing reads DrillSidewaysResult.facets: counts() is the result
        }

        /** Counts per ordinal that apply to {@code dim} (null when nothing was collected). */
        int[] counts(String dim) {
            return byDim.getOrDefault(dim, drillDownCounts);
        }
    }

    /**
     * The values with a count among {@code ords}, at most {@link #FACET_TOP}, ordered as Lucene's
     * {@code getTopChildren} orders them: count descending, ties by ordinal (the label's byte order).
     */
    private static int[] top(int[] counts, int[] ords) {
        if (counts == null) {
            return new int[0];
        }
        // (count descending, ordinal ascending) packed into one long per value: a primitive sort, no boxing.
        long[] keys = new long[ords.length];
        int n = 0;
        for (int ord : ords) {
            if (counts[ord] > 0) {
                keys[n++] = (long) (Integer.MAX_VALUE - counts[ord]) << 32 | ord;
            }
        }
        java.util.Arrays.sort(keys, 0, n);
        int[] top = new int[Math.min(n, FACET_TOP)];
        for (int i = 0; i < top.length; i++) {
            top[i] = (int) keys[i];
        }
        return top;
    }

    private static List<FacetCount> flat(FacetTable table, int[] counts, String dim, java.util.function.Function<String, String> label,
                                         java.util.function.Predicate<String> selected) {
        List<FacetCount> values = new ArrayList<>();
        for (int ord : top(counts, table.dimChildren(dim))) {
            String value = table.label(ord);
            values.add(new FacetCount(value, label.apply(value), counts[ord], selected.test(value), List.of()));
        }
        return values;
    }

    /**
     * How many region values a result lists at most, beyond the selected paths. A common phrase at 10k reports
     * matches thousands of townships: listing every one made the region facet ~7,000 nodes and 860 KB of JSON per
     * search, most of it never opened. Within this budget the biggest branches are listed first, level by level.
     */
    static final int REGION_NODE_BUDGET = 500;

    /**
     * Region counts, hierarchically (province → [city →] district → township). Every top-level value is listed;
     * below it, a value lists its children (all of them, up to {@link #FACET_TOP}) when it is on a selected path
     * or when they still fit the {@link #REGION_NODE_BUDGET}, bigger values first, a level at a time. A value
     * listed without children is still counted exactly; selecting it lists its children.
     */
    private List<FacetCount> regions(FacetTable table, int[] counts, SearchRequest request) {
        int[] top = top(counts, table.dimChildren(IndexSchema.FACET_REGION));
        // The listed children of each expanded value, computed once: the listing below reads them again.
        Map<Integer, int[]> expanded = new java.util.HashMap<>();
        java.util.Set<Integer> onSelectedPath = new java.util.HashSet<>();
        if (!request.regions().isEmpty()) {
            // A selected name (统景镇) can be anywhere in the tree; a selected path only below its own prefixes; a
            // division code (500112) names no value of the tree. Branches no selection can be in are not walked.
            boolean anyName = request.regions().stream().anyMatch(r -> !r.contains("/") && !QueryTranslator.isDivisionCode(r));
            java.util.function.Predicate<String> mayBeBelow = value -> anyName
                    || request.regions().stream().anyMatch(r -> r.startsWith(value + "/"));
            for (int ord : top) {
                markSelected(table, counts, ord, table.label(ord), request, mayBeBelow, 0, onSelectedPath);
            }
        }
        int listed = top.length;
        int[] level = top;
        // Once a branch does not fit, no smaller one is listed either: what is open is a prefix of the biggest.
        boolean full = false;
        for (int depth = 0; depth < 3 && level.length > 0; depth++) {
            int[] biggestFirst = byCount(counts, level);
            List<Integer> next = new ArrayList<>();
            for (int ord : biggestFirst) {
                boolean selected = onSelectedPath.contains(ord);
                if (full && !selected) {
                    // Why: at a common phrase thousands of districts have counts; once the budget is spent, ranking
                    // the children of each was most of the facets' cost, for nothing listed.
                    continue;
                }
                int[] children = top(counts, table.children(ord));
                if (children.length == 0) {
                    continue;
                }
                if (!selected && listed + children.length > REGION_NODE_BUDGET) {
                    full = true;
                }
                if (selected || !full) {
                    expanded.put(ord, children);
                    listed += children.length;
                    for (int child : children) {
                        next.add(child);
                    }
                }
            }
            level = next.stream().mapToInt(Integer::intValue).toArray();
        }
        return regionLevel(table, counts, top, "", request, expanded);
    }

    /** Marks {@code ord} and its ancestors' path when it or a value below it is selected; true if so. */
    private static boolean markSelected(FacetTable table, int[] counts, int ord, String value, SearchRequest request,
                                        java.util.function.Predicate<String> mayBeBelow, int depth, java.util.Set<Integer> marked) {
        boolean selected = request.regions().contains(value) || request.regions().contains(table.label(ord));
        if (depth < 3 && mayBeBelow.test(value)) {
            for (int child : table.children(ord)) {
                if (counts[child] > 0 && markSelected(table, counts, child, value + "/" + table.label(child), request, mayBeBelow,
                        depth + 1, marked)) {
                    selected = true;
                }
            }
        }
        if (selected) {
            marked.add(ord);
        }
        return selected;
    }

    /** The ordinals ordered by count descending, ties by ordinal. */
    private static int[] byCount(int[] counts, int[] ords) {
        long[] keys = new long[ords.length];
        for (int i = 0; i < ords.length; i++) {
            keys[i] = (long) (Integer.MAX_VALUE - counts[ords[i]]) << 32 | ords[i];
        }
        java.util.Arrays.sort(keys);
        int[] sorted = new int[ords.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (int) keys[i];
        }
        return sorted;
    }

    private List<FacetCount> regionLevel(FacetTable table, int[] counts, int[] ords, String parent, SearchRequest request,
                                         Map<Integer, int[]> expanded) {
        List<FacetCount> values = new ArrayList<>();
        for (int ord : ords) {
            String label = table.label(ord);
            String value = parent.isEmpty() ? label : parent + "/" + label;
            boolean selected = request.regions().contains(value) || request.regions().contains(label);
            int[] children = expanded.get(ord);
            values.add(new FacetCount(value, label, counts[ord], selected, children != null
                    ? regionLevel(table, counts, children, value, request, expanded) : List.of()));
        }
        return values;
    }

    /**
     * Section facet: for each kind, the reports that match the query with its phrases found in a section of that
     * kind (all other filters applied, the section selection itself ignored: drill-sideways). One pass over the
     * matching sections when the query's shape allows it ({@link QueryTranslator#kindPlan}), else one count per kind.
     */
    private long[] sectionKindCounts(IndexSearcher searcher, SearchRequest request, QueryTranslator.ParsedQuery parsed) throws IOException {
        Optional<long[]> onePass = sectionCountsOnePass(searcher, request, parsed);
        return onePass.isPresent() ? onePass.get() : sectionCountsPerKind(searcher, request, parsed);
    }

    private static List<FacetCount> sectionFacet(long[] byKind, SearchRequest request) {
        List<FacetCount> counts = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            long count = byKind[kind.ordinal()];
            if (count > 0) {
                counts.add(new FacetCount(kind.code(), kind.label(), count, request.sections().contains(kind), List.of()));
            }
        }
        return counts;
    }

    /** The section facet the plain way: one count of the query restricted to each kind (the reference for tests). */
    long[] sectionCountsPerKind(IndexSearcher searcher, SearchRequest request, QueryTranslator.ParsedQuery parsed) throws IOException {
        long[] counts = new long[SectionKind.values().length];
        for (SectionKind kind : SectionKind.values()) {
            QueryTranslator.Translation t = translator.translate(parsed, EnumSet.of(kind));
            counts[kind.ordinal()] = searcher.count(drillDown(t.reportQuery(), request));
        }
        return counts;
    }

    /** The section facet through the one-pass plan; empty when the query's shape has none (a negation). */
    Optional<long[]> sectionCountsOnePass(IndexSearcher searcher, SearchRequest request, QueryTranslator.ParsedQuery parsed) throws IOException {
        Optional<QueryTranslator.KindPlan> plan = translator.kindPlan(parsed);
        return plan.isEmpty() ? Optional.empty()
                : Optional.of(SectionKindCounter.count(searcher, plan.get(), filterOnly(request), translator.reportDocs()));
    }

    /** The request's facet filters alone (reports passing year/region/level selections), or null when it has none. */
    private Query filterOnly(SearchRequest request) {
        if (request.years().isEmpty() && request.regions().isEmpty() && request.levels().isEmpty()) {
            return null;
        }
        return drillDown(QueryTranslator.allReports(), request);
    }

    /** The facet table of a reader, built on its first query and kept while the reader is among the last few. */
    Optional<FacetTable> facetTable(IndexReader reader) {
        return facetTables.get(reader.getReaderCacheHelper().getKey(), k -> {
            if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexSchema.FACET_FIELD) == null) {
                return Optional.empty(); // an empty index has no facet field yet
            }
            try {
                return Optional.of(FacetTable.build(new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACET_FIELD, facetsConfig)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
