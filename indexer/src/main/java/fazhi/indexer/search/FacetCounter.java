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
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

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
    /** Facet ordinal state per reader (cheap to keep, costly to rebuild per query); old readers age out. */
    private final Cache<IndexReader.CacheKey, Optional<SortedSetDocValuesReaderState>> facetStates =
            Caffeine.newBuilder().maximumSize(8).build();

    FacetCounter(QueryTranslator translator) {
        this.translator = translator;
    }

    /** The base query with the facet filters: several values of a facet OR'ed, facets AND'ed. */
    DrillDownQuery drillDown(Query base, SearchRequest request) {
        DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
        if (!request.years().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.years().forEach(y -> any.add(IntPoint.newExactQuery(IndexSchema.YEAR, y), Occur.SHOULD));
            ddq.add(IndexSchema.FACET_YEAR, any.build());
        }
        if (!request.regions().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.regions().forEach(r -> any.add(QueryTranslator.regionQuery(r), Occur.SHOULD));
            ddq.add(IndexSchema.FACET_REGION, any.build());
        }
        if (!request.levels().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            request.levels().forEach(l -> any.add(new TermQuery(new Term(IndexSchema.LEVEL, l.code())), Occur.SHOULD));
            ddq.add(IndexSchema.FACET_LEVEL, any.build());
        }
        return ddq;
    }

    SearchFacets count(IndexSearcher searcher, SearchRequest request, DrillDownQuery query, QueryTranslator.ParsedQuery parsed) throws IOException {
        Optional<SortedSetDocValuesReaderState> state = facetState(searcher.getIndexReader());
        List<FacetCount> years = List.of();
        List<FacetCount> regions = List.of();
        List<FacetCount> levels = List.of();
        if (state.isPresent()) {
            DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state.get());
            Facets facets = sideways.search(query, 1).facets;
            Map<String, FacetResult> dims = new java.util.HashMap<>();
            for (FacetResult r : facets.getAllDims(FACET_TOP)) {
                // Drill-sideways returns a null entry for a dimension with no counts (nothing matched the other facets).
                if (r != null) {
                    dims.put(r.dim, r);
                }
            }
            years = flat(dims.get(IndexSchema.FACET_YEAR), v -> v + "年",
                    v -> request.years().contains(Integer.valueOf(v)));
            years = years.stream().sorted(Comparator.comparing(FacetCount::value).reversed()).toList();
            levels = flat(dims.get(IndexSchema.FACET_LEVEL), v -> Level.fromCode(v).label(),
                    v -> request.levels().contains(Level.fromCode(v)));
            regions = regionLevel(facets, dims.get(IndexSchema.FACET_REGION), List.of(), request, 0);
        }
        return new SearchFacets(years, regions, sectionCounts(searcher, request, parsed), levels);
    }

    private static List<FacetCount> flat(FacetResult result, java.util.function.Function<String, String> label,
                                         java.util.function.Predicate<String> selected) {
        if (result == null) {
            return List.of();
        }
        List<FacetCount> values = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            values.add(new FacetCount(lv.label, label.apply(lv.label), lv.value.longValue(), selected.test(lv.label), List.of()));
        }
        return values;
    }

    /** Region counts, hierarchically: each value's children are the next level down (to township). */
    private List<FacetCount> regionLevel(Facets facets, FacetResult result, List<String> parent, SearchRequest request,
                                         int depth) throws IOException {
        if (result == null || depth > 3) {
            return List.of();
        }
        List<FacetCount> values = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            List<String> path = new ArrayList<>(parent);
            path.add(lv.label);
            String value = String.join("/", path);
            FacetResult children = facets.getTopChildren(FACET_TOP, IndexSchema.FACET_REGION, path.toArray(String[]::new));
            boolean selected = request.regions().contains(value) || request.regions().contains(lv.label);
            values.add(new FacetCount(value, lv.label, lv.value.longValue(), selected,
                    regionLevel(facets, children, path, request, depth + 1)));
        }
        return values;
    }

    /**
     * Section facet: for each kind, the reports that match the query with its phrases found in a section of that
     * kind (all other filters applied, the section selection itself ignored: drill-sideways).
     */
    private List<FacetCount> sectionCounts(IndexSearcher searcher, SearchRequest request, QueryTranslator.ParsedQuery parsed) throws IOException {
        List<FacetCount> counts = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            QueryTranslator.Translation t = translator.translate(parsed, EnumSet.of(kind));
            long count = searcher.count(drillDown(t.reportQuery(), request));
            if (count > 0) {
                counts.add(new FacetCount(kind.code(), kind.label(), count, request.sections().contains(kind), List.of()));
            }
        }
        return counts;
    }

    private Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) {
        return facetStates.get(reader.getReaderCacheHelper().getKey(), k -> {
            if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexSchema.FACET_FIELD) == null) {
                return Optional.empty(); // an empty index has no facet field yet
            }
            try {
                return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACET_FIELD, facetsConfig));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
