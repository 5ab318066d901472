package fazhi.indexer.search;

import fazhi.core.model.SectionKind;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;

/**
 * A search page — top hits, total, year/region/level facets (drill-sideways) and the section facet — from one
 * walk over the sections a {@link QueryTranslator.Conjunction} matches, the searcher's slices of segments in parallel.
 *
 * <p>Why: answered the general way, a phrase search matches its phrases once per report-level block join (the
 * page and the facets, through drill-sideways) and once more for the section facet. Here each section clause's
 * matching sections are walked once, leapfrogging between clauses report by report; per report we learn, for
 * every clause, the kinds of its matching sections and its best section score per kind, and from that alone:
 * <ul>
 *   <li>whether the report matches the request (every clause matched in a section of its allowed kinds),</li>
 *   <li>its score, exactly the block join's: per clause the best section score (ScoreMode.Max), summed over the
 *       clauses as a conjunction sums them,</li>
 *   <li>the section facet: for each kind, whether every clause matched in a section of that kind,</li>
 *   <li>the facet filters, drill-sideways: which selected facets the report passes.</li>
 * </ul>
 * Hits are ordered by Lucene's own {@link TopFieldCollector} (same sort, same tie-break), facets counted over
 * the same ordinal table as {@link FacetCounter}. {@code OnePassSearchTest} checks every figure against the
 * general path.
 */
final class OnePassSearch {
    private static final int KINDS = SectionKind.values().length;

    /**
     * What one pass yields.
     *
     * @param drillDown facet counts per ordinal over the reports that pass every facet filter
     * @param sideways  per facet with a selection: counts over the reports that pass every other facet's filter
     * @param kinds     reports per section kind (ordinal) for the section facet (the request's section selection ignored)
     */
    record Result(long total, TopDocs top, int[] drillDown, Map<String, int[]> sideways, long[] kinds) {
    }

    private OnePassSearch() {
    }

    /**
     * @param requestScope the request's section selection as kind bits (all kinds when none)
     * @param dims         the request's facet filters by dimension (values of one facet OR'ed), in a fixed order
     * @param page         collects the page's hits (null: none wanted)
     * @param byScore      whether the page's order needs scores (relevance)
     */
    static Result run(IndexSearcher searcher, QueryTranslator.Conjunction conjunction, int requestScope,
                      LinkedHashMap<String, Query> dims, BitSetProducer reportDocs, FacetTable table,
                      TopFieldCollectorManager page, boolean byScore) throws IOException {
        boolean scores = page != null && byScore;
        List<Weight> clauses = new ArrayList<>();
        for (QueryTranslator.ConjunctionLeaf leaf : conjunction.leaves()) {
            clauses.add(SegmentIterators.weight(searcher, leaf.scored(), scores ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES));
        }
        List<Weight> filters = new ArrayList<>();
        for (Query f : conjunction.filters()) {
            filters.add(SegmentIterators.weight(searcher, f, ScoreMode.COMPLETE_NO_SCORES));
        }
        List<Weight> dimWeights = new ArrayList<>();
        for (Query d : dims.values()) {
            dimWeights.add(SegmentIterators.weight(searcher, d, ScoreMode.COMPLETE_NO_SCORES));
        }
        int[] scopes = new int[clauses.size()];
        for (int i = 0; i < scopes.length; i++) {
            scopes[i] = conjunction.leaves().get(i).scopeMask();
        }
        // One task per slice (a thread's equal share of the documents, cut between reports), with one set of count
        // arrays: arrays per segment would be allocated and summed once per segment and query, and a facet table has
        // tens of thousands of values.
        List<Callable<Partial>> tasks = new ArrayList<>();
        IndexSearcher.LeafSlice[] slices = SlicedSearcher.blockAligned(searcher.getIndexReader().leaves(), reportDocs,
                searcher.getSlices().length);
        for (IndexSearcher.LeafSlice slice : slices) {
            // Collectors are made here, not in the tasks: the manager's newCollector is not thread-safe.
            Partial partial = new Partial(table.size(), dimWeights.size(), page == null ? null : page.newCollector());
            tasks.add(() -> {
                for (IndexSearcher.LeafReaderContextPartition part : slice.partitions) {
                    new Segment(part.ctx, part.minDocId, part.maxDocId, clauses, scopes, requestScope, filters,
                            dimWeights, reportDocs, table, partial, scores).walk();
                }
                return partial;
            });
        }
        long total = 0;
        long[] kinds = new long[KINDS];
        int[] drillDown = new int[table.size()];
        int[][] sideways = new int[dimWeights.size()][table.size()];
        List<TopFieldCollector> collectors = new ArrayList<>();
        for (Partial p : searcher.getTaskExecutor().invokeAll(tasks)) {
            total += p.total;
            for (int k = 0; k < KINDS; k++) {
                kinds[k] += p.kinds[k];
            }
            add(drillDown, p.drillDown);
            for (int d = 0; d < sideways.length; d++) {
                add(sideways[d], p.sideways[d]);
            }
            if (p.collector != null) {
                collectors.add(p.collector);
            }
        }
        table.rollUp(drillDown);
        for (int[] counts : sideways) {
            table.rollUp(counts);
        }
        Map<String, int[]> byDim = new LinkedHashMap<>();
        int d = 0;
        for (String dim : dims.keySet()) {
            byDim.put(dim, sideways[d++]);
        }
        TopDocs top = page == null ? null : page.reduce(collectors);
        return new Result(total, top, drillDown, byDim, kinds);
    }

    private static void add(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** One slice's share of the figures. */
    private static final class Partial {
        long total;
        final long[] kinds = new long[KINDS];
        final int[] drillDown;
        final int[][] sideways;
        final TopFieldCollector collector;

        Partial(int ordinals, int dims, TopFieldCollector collector) {
            this.drillDown = new int[ordinals];
            this.sideways = new int[dims][ordinals];
            this.collector = collector;
        }
    }

    /** The score a report gets, handed to the page's collector. */
    private static final class ReportScore extends Scorable {
        float score;

        @Override
        public float score() {
            return score;
        }
    }

    /** The walk over one segment's reports from {@code from} to {@code to} (cut between blocks), adding to its slice's figures. */
    private static final class Segment {
        private final LeafReaderContext leaf;
        private final int from;
        private final int to;
        private final int[] scopes;
        private final int requestScope;
        private final BitSet parents;
        private final Scorer[] scorers;
        private final DocIdSetIterator[] clauses;
        /**
         * Where each clause's iterator is, kept here from what nextDoc and advance return. Why: asking the iterator
         * ({@code docID()}) goes through two to four wrappers (two-phase, conjunction, filter) by megamorphic calls,
         * several times per matching report; it was 7 % of a search's CPU.
         */
        private final int[] at;
        private final NumericDocValues[] kindValues;
        private final DocIdSetIterator[] filters;
        private final DocIdSetIterator[] dims;
        private final FacetTable table;
        private final Partial partial;
        private final boolean empty;
        private final boolean scoring;

        Segment(LeafReaderContext leaf, int from, int to, List<Weight> clauseWeights, int[] scopes, int requestScope,
                List<Weight> filterWeights, List<Weight> dimWeights, BitSetProducer reportDocs, FacetTable table,
                Partial partial, boolean scoring) throws IOException {
            this.leaf = leaf;
            this.from = from;
            this.to = to;
            this.scoring = scoring;
            this.scopes = scopes;
            this.requestScope = requestScope;
            this.table = table;
            this.partial = partial;
            this.parents = reportDocs.getBitSet(leaf);
            int n = clauseWeights.size();
            this.scorers = new Scorer[n];
            this.clauses = new DocIdSetIterator[n];
            this.at = new int[n];
            this.kindValues = new NumericDocValues[n];
            boolean none = parents == null;
            for (int i = 0; i < n && !none; i++) {
                scorers[i] = clauseWeights.get(i).scorer(leaf);
                // Doc values only move forward: one instance per clause, read in that clause's order.
                kindValues[i] = leaf.reader().getNumericDocValues(IndexSchema.SECTION_KIND_NUMBER);
                none = scorers[i] == null || kindValues[i] == null; // a conjunction: one clause without matches, no report
                clauses[i] = none ? null : scorers[i].iterator();
            }
            this.filters = SegmentIterators.of(filterWeights, leaf);
            this.dims = SegmentIterators.of(dimWeights, leaf);
            for (DocIdSetIterator f : filters) {
                none |= f == null;
            }
            this.empty = none;
        }

        void walk() throws IOException {
            LeafCollector hits = null;
            ReportScore score = new ReportScore();
            if (partial.collector != null) {
                hits = partial.collector.getLeafCollector(leaf);
                hits.setScorer(score);
            }
            if (!empty) {
                walk(hits, score);
            }
            if (hits != null) {
                hits.finish();
            }
        }

        private void walk(LeafCollector hits, ReportScore score) throws IOException {
            int n = clauses.length;
            int[] masks = new int[n];
            float[][] best = new float[n][KINDS];
            boolean[] passes = new boolean[dims.length];
            FacetTable.LeafOrdinals ordinals = table.leafOrdinals(leaf);
            Bits live = leaf.reader().getLiveDocs();
            for (int i = 0; i < n; i++) {
                at[i] = from == 0 ? clauses[i].nextDoc() : clauses[i].advance(from);
            }
            while (true) {
                int parent = align();
                if (parent >= to) { // NO_MORE_DOCS too
                    return;
                }
                // Reports the filters rule out, or that miss two facet selections (counted nowhere), are skipped
                // before their sections are read: the clauses jump to the next report that can count.
                int candidate = candidateFrom(parent);
                if (candidate != parent) {
                    if (candidate >= to || !skipTo(blockStart(candidate))) {
                        return;
                    }
                    continue;
                }
                int failed = 0;
                int failedDim = -1;
                for (int d = 0; d < dims.length; d++) {
                    passes[d] = dims[d] != null && SegmentIterators.at(dims[d], parent);
                    if (!passes[d]) {
                        failed++;
                        failedDim = d;
                    }
                }
                // Scores only matter for a report on the page (one that passes every selection), and only for
                // sections of the kinds it may be matched in.
                boolean scoreIt = scoring && hits != null && failed == 0 && (live == null || live.get(parent));
                // Every clause is positioned inside this report's block: read its matching sections.
                for (int i = 0; i < n; i++) {
                    int mask = 0;
                    int scoredKinds = scoreIt ? scopes[i] & requestScope : 0;
                    if (scoredKinds != 0) { // best[i] is read only for a scored report, and then refilled here first
                        java.util.Arrays.fill(best[i], Float.NEGATIVE_INFINITY);
                    }
                    DocIdSetIterator it = clauses[i];
                    NumericDocValues kinds = kindValues[i];
                    int doc = at[i];
                    for (; doc < parent; doc = it.nextDoc()) {
                        int kind = kinds.advanceExact(doc) ? (int) kinds.longValue() : 0;
                        mask |= 1 << kind;
                        if ((scoredKinds & 1 << kind) != 0) {
                            best[i][kind] = Math.max(best[i][kind], scorers[i].score());
                        }
                    }
                    at[i] = doc;
                    masks[i] = mask;
                }
                if (live != null && !live.get(parent) || failed > 1) {
                    continue;
                }
                if (failed == 0) {
                    // The kinds every clause matched in (within its scope), one bit each.
                    int common = (1 << KINDS) - 1;
                    for (int i = 0; i < n; i++) {
                        common &= masks[i] & scopes[i];
                    }
                    for (; common != 0; common &= common - 1) {
                        partial.kinds[Integer.numberOfTrailingZeros(common)]++;
                    }
                }
                if (!everyClauseIn(masks, requestScope)) {
                    continue;
                }
                if (failed == 1) {
                    ordinals.countInto(parent, partial.sideways[failedDim]);
                    continue;
                }
                partial.total++;
                ordinals.countInto(parent, partial.drillDown);
                for (int d = 0; d < dims.length; d++) {
                    ordinals.countInto(parent, partial.sideways[d]);
                }
                if (hits != null) {
                    score.score = scoreIt ? score(best, masks) : 0f;
                    hits.collect(parent);
                }
            }
        }

        /**
         * The first report at or after {@code parent} that can count anywhere: it passes every filter written in
         * the query and, with two or more facet selections, at least one of them (a report missing two selections
         * is in no drill-sideways count). At or past {@code to} (NO_MORE_DOCS included) when there is none before it.
         */
        private int candidateFrom(int parent) throws IOException {
            int p = parent;
            while (p < to) {
                int next = p;
                for (DocIdSetIterator f : filters) {
                    next = Math.max(next, f.docID() < p ? f.advance(p) : f.docID());
                }
                if (next == p && dims.length >= 2) {
                    int nearest = DocIdSetIterator.NO_MORE_DOCS;
                    for (DocIdSetIterator d : dims) {
                        if (d != null) {
                            nearest = Math.min(nearest, d.docID() < p ? d.advance(p) : d.docID());
                        }
                    }
                    next = nearest;
                }
                if (next == p) {
                    return p;
                }
                p = next;
            }
            return p;
        }

        private int blockStart(int parent) {
            return parent == 0 ? 0 : parents.prevSetBit(parent - 1) + 1;
        }

        /** Moves every clause to its first match at or after {@code doc}; false when one runs out. */
        private boolean skipTo(int doc) throws IOException {
            for (int i = 0; i < at.length; i++) {
                if (at[i] < doc && (at[i] = clauses[i].advance(doc)) == DocIdSetIterator.NO_MORE_DOCS) {
                    return false;
                }
            }
            return true;
        }

        /** Whether every clause matched a section of a kind in {@code kinds} and in its own scope. */
        private boolean everyClauseIn(int[] masks, int kinds) {
            for (int i = 0; i < masks.length; i++) {
                if ((masks[i] & scopes[i] & kinds) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The block join's score: per clause its best section in scope (ScoreMode.Max), summed as a conjunction does. */
        private float score(float[][] best, int[] masks) {
            double sum = 0;
            for (int i = 0; i < best.length; i++) {
                float max = Float.NEGATIVE_INFINITY;
                int allowed = masks[i] & scopes[i] & requestScope;
                for (int k = 0; k < KINDS; k++) {
                    if ((allowed & 1 << k) != 0) {
                        max = Math.max(max, best[i][k]);
                    }
                }
                sum += max;
            }
            return (float) sum;
        }

        /**
         * Moves the clauses forward, leapfrogging, until every one sits on a matching section of the same report's
         * block (a report's sections precede it); returns that report, or NO_MORE_DOCS when a clause runs out. Stops
         * at the first report at or past {@code to}, where this walk ends.
         */
        private int align() throws IOException {
            if (at.length == 1) { // one clause: its section's report, no leapfrogging
                return at[0] == DocIdSetIterator.NO_MORE_DOCS ? DocIdSetIterator.NO_MORE_DOCS : parents.nextSetBit(at[0]);
            }
            int parent = -1;
            for (int doc : at) {
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    return DocIdSetIterator.NO_MORE_DOCS;
                }
                parent = Math.max(parent, parents.nextSetBit(doc));
            }
            while (true) {
                if (parent >= to) {
                    return parent;
                }
                int blockStart = blockStart(parent);
                boolean moved = false;
                for (int i = 0; i < at.length; i++) {
                    int doc = at[i];
                    if (doc < blockStart) {
                        doc = at[i] = clauses[i].advance(blockStart);
                        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                            return DocIdSetIterator.NO_MORE_DOCS;
                        }
                    }
                    int p = parents.nextSetBit(doc);
                    if (p > parent) {
                        parent = p;
                        moved = true;
                        break;
                    }
                }
                if (!moved) {
                    return parent;
                }
            }
        }
    }
}
