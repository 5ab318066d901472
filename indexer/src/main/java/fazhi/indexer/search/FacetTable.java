package fazhi.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * The facet ordinals of one (immutable) index reader, resolved once: for every global ordinal of the facet
 * doc-values field its label (last path component) and its children, so that counting a query's facets is an
 * array of counts per ordinal and building the value tree reads no terms dictionary at all. Lucene's
 * {@code Facets.getTopChildren} resolves every returned label with {@code lookupOrd} (a terms-dictionary seek
 * and LZ4 block decompression) on every call; with the region hierarchy expanded to township level that was
 * hundreds of calls per query and most of the query's CPU.
 *
 * <p>Valid for the reader it was built from only: ordinals change with every new segment or merge, so the
 * table is cached per reader (by the reader's cache key) and a refreshed reader gets its own.
 */
final class FacetTable {
    private final SortedSetDocValuesReaderState state;
    /** Global ordinal → segment ordinals map; null when the reader has one segment (ordinals are global). */
    private final OrdinalMap ordinalMap;
    private final String field;
    private final String[] labels;
    /** Children of each ordinal, in ordinal order (the order Lucene breaks count ties in). */
    private final int[][] children;
    /** Top-level ordinals (path of one component) of each dimension, in ordinal order. */
    private final Map<String, int[]> dimChildren;

    /**
     * Per segment (by leaf ord), each document's global ordinals: {@code starts[leaf][doc]..starts[leaf][doc + 1]}
     * index {@code ords[leaf]}. Counting a search's facets reads these arrays instead of decoding doc values for
     * every matching report (11 % of a search's CPU at 100k reports); ~8 bytes per document and ordinal.
     */
    private final int[][] starts;
    private final int[][] ords;
    /** Parent ordinal of each ordinal in a hierarchy (-1 at the top), always smaller than the child's. */
    private final int[] parents;
    /**
     * Whether {@code ords} holds only each document's deepest ordinals (a region's township, its year, its level),
     * their ancestors being added once per query by {@link #rollUp}: 3 increments per matching report instead of
     * ~7, and counting ordinals was the largest single frame of a search's CPU (9 %). Only when that is exact: every
     * document's ordinals are the disjoint ancestor paths of its deepest ones (one region path per report, as the
     * records have); otherwise every ordinal is stored and counted.
     */
    private final boolean rolledUp;

    private FacetTable(SortedSetDocValuesReaderState state, OrdinalMap ordinalMap, String[] labels, int[][] children,
                       Map<String, int[]> dimChildren, int[][] starts, int[][] ords, int[] parents, boolean rolledUp) {
        this.starts = starts;
        this.ords = ords;
        this.parents = parents;
        this.rolledUp = rolledUp;
        this.state = state;
        this.ordinalMap = ordinalMap;
        this.field = state.getField();
        this.labels = labels;
        this.children = children;
        this.dimChildren = dimChildren;
    }

    /** Reads every ordinal's path once (one sequential pass over the terms of the facet field). */
    static FacetTable build(SortedSetDocValuesReaderState state) throws IOException {
        SortedSetDocValues values = state.getDocValues();
        OrdinalMap ordinalMap = values instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        int size = Math.toIntExact(values.getValueCount());
        String[] labels = new String[size];
        int[] parents = new int[size];
        String[] dims = new String[size];
        Map<String, Integer> ordOfPath = new HashMap<>();
        TermsEnum terms = values.termsEnum();
        int ord = 0;
        for (BytesRef term = terms.next(); term != null; term = terms.next(), ord++) {
            String pathString = term.utf8ToString();
            String[] path = FacetsConfig.stringToPath(pathString);
            dims[ord] = path[0];
            labels[ord] = path.length > 1 ? path[path.length - 1] : null;
            // Terms are sorted, so a path's parent (a prefix of it) always has a smaller, already seen ordinal.
            parents[ord] = path.length > 2 ? ordOfPath.getOrDefault(FacetsConfig.pathToString(path, path.length - 1), -1) : -1;
            if (path.length > 1) {
                ordOfPath.put(pathString, ord);
            }
        }
        int[] childCount = new int[size];
        Map<String, List<Integer>> top = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (parents[i] >= 0) {
                childCount[parents[i]]++;
            } else if (labels[i] != null) {
                top.computeIfAbsent(dims[i], d -> new ArrayList<>()).add(i);
            }
        }
        int[][] children = new int[size][];
        int[] filled = new int[size];
        for (int i = 0; i < size; i++) {
            children[i] = childCount[i] == 0 ? NONE : new int[childCount[i]];
        }
        for (int i = 0; i < size; i++) {
            if (parents[i] >= 0) {
                children[parents[i]][filled[parents[i]]++] = i;
            }
        }
        Map<String, int[]> dimChildren = new HashMap<>();
        top.forEach((dim, ords) -> dimChildren.put(dim, ords.stream().mapToInt(Integer::intValue).toArray()));
        List<LeafReaderContext> leaves = state.getReader().leaves();
        int[][] starts = new int[leaves.size()][];
        int[][] ords = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            SortedSetDocValues docValues = DocValues.getSortedSet(leaf.reader(), state.getField());
            LongValues global = ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
            int maxDoc = leaf.reader().maxDoc();
            int[] start = new int[maxDoc + 1];
            int[] flat = new int[Math.max(16, maxDoc / 2)];
            int n = 0;
            int next = 0;
            for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
                while (next <= doc) {
                    start[next++] = n;
                }
                for (int i = docValues.docValueCount(); i > 0; i--) {
                    if (n == flat.length) {
                        flat = java.util.Arrays.copyOf(flat, n * 2);
                    }
                    flat[n++] = (int) global.get(docValues.nextOrd());
                }
            }
            while (next <= maxDoc) {
                start[next++] = n;
            }
            starts[leaf.ord] = start;
            ords[leaf.ord] = java.util.Arrays.copyOf(flat, n);
        }
        boolean rolledUp = deepestOnly(starts, ords, parents);
        return new FacetTable(state, ordinalMap, labels, children, dimChildren, starts, ords, parents, rolledUp);
    }

    /**
     * Keeps only each document's deepest ordinals in {@code ords} (rewriting {@code starts}) when its other ordinals
     * are exactly their ancestors, each reached once; true if so for every document (else nothing is changed).
     */
    private static boolean deepestOnly(int[][] starts, int[][] ords, int[] parents) {
        int[][] keptStarts = new int[starts.length][];
        int[][] keptOrds = new int[ords.length][];
        for (int leaf = 0; leaf < starts.length; leaf++) {
            int[] start = starts[leaf];
            int[] flat = ords[leaf];
            int[] newStart = new int[start.length];
            int[] kept = new int[flat.length];
            int n = 0;
            for (int doc = 0; doc + 1 < start.length; doc++) {
                newStart[doc] = n;
                int from = start[doc];
                int to = start[doc + 1];
                int reached = 0;
                for (int i = from; i < to; i++) {
                    if (!isParentOfAny(flat[i], flat, from, to, parents)) {
                        kept[n++] = flat[i];
                        for (int p = flat[i]; p >= 0; p = parents[p]) {
                            reached++;
                        }
                    }
                }
                // Exact only if the kept ordinals' paths cover the document's ordinals once each (a gap in a path or
                // two paths through one ancestor make them longer than the document's ordinals).
                if (reached != to - from) {
                    return false;
                }
            }
            newStart[start.length - 1] = n;
            keptStarts[leaf] = newStart;
            keptOrds[leaf] = java.util.Arrays.copyOf(kept, n);
        }
        System.arraycopy(keptStarts, 0, starts, 0, starts.length);
        System.arraycopy(keptOrds, 0, ords, 0, ords.length);
        return true;
    }

    /** Whether {@code ord} is the parent of one of {@code flat[from..to)} (a document has a handful of ordinals). */
    private static boolean isParentOfAny(int ord, int[] flat, int from, int to, int[] parents) {
        for (int i = from; i < to; i++) {
            if (parents[flat[i]] == ord) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes counts made with {@link LeafOrdinals#countInto}: adds each ordinal's count to its ancestors' when
     * only the deepest ordinals were counted. Once per counts array and query, after all documents.
     */
    void rollUp(int[] counts) {
        if (!rolledUp) {
            return;
        }
        for (int ord = counts.length - 1; ord >= 0; ord--) { // children after their parents in ordinal order
            int parent = parents[ord];
            if (parent >= 0) {
                counts[parent] += counts[ord];
            }
        }
    }

    private static final int[] NONE = new int[0];

    SortedSetDocValuesReaderState state() {
        return state;
    }

    String label(int ord) {
        return labels[ord];
    }

    /** Top-level ordinals of a dimension (none when no document has it). */
    int[] dimChildren(String dim) {
        return dimChildren.getOrDefault(dim, NONE);
    }

    int[] children(int ord) {
        return children[ord];
    }

    /** Whether only the deepest ordinals are counted and {@link #rollUp} adds their ancestors. */
    boolean rolledUp() {
        return rolledUp;
    }

    /** Number of ordinals (the length of a counts array). */
    int size() {
        return labels.length;
    }

    /** The global facet ordinals of a segment's documents. */
    final class LeafOrdinals {
        private final int[] start;
        private final int[] flat;

        private LeafOrdinals(LeafReaderContext leaf) {
            this.start = starts[leaf.ord];
            this.flat = ords[leaf.ord];
        }

        /** Adds one to {@code counts} at each ordinal of {@code doc} (segment-local); complete with {@link #rollUp}. */
        void countInto(int doc, int[] counts) {
            for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
                counts[flat[i]]++;
            }
        }
    }

    LeafOrdinals leafOrdinals(LeafReaderContext leaf) throws IOException {
        return new LeafOrdinals(leaf);
    }

    /** Documents per global ordinal among the collected documents (each document counted once per ordinal). */
    int[] count(FacetsCollector collector) throws IOException {
        int[] counts = new int[labels.length];
        for (FacetsCollector.MatchingDocs hits : collector.getMatchingDocs()) {
            if (hits.totalHits() == 0 || hits.bits() == null) {
                continue;
            }
            DocIdSetIterator docs = hits.bits().iterator();
            if (docs == null) {
                continue;
            }
            LeafOrdinals ordinals = new LeafOrdinals(hits.context());
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                ordinals.countInto(doc, counts);
            }
        }
        rollUp(counts);
        return counts;
    }
}
