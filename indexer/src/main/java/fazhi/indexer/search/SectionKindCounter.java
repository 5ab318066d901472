package fazhi.indexer.search;

import fazhi.core.model.SectionKind;
import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;

/**
 * The section facet in one pass: walks the sections each leaf of a {@link QueryTranslator.KindPlan} matches (no
 * scoring), collects per report which kinds each leaf matched in, and evaluates the plan once per kind. The same
 * counts as one {@code count(translate(parsed, {kind}))} per kind, at the cost of one match of the phrases instead
 * of one per kind.
 */
final class SectionKindCounter {
    private static final int KINDS = SectionKind.values().length;

    private SectionKindCounter() {
    }

    /**
     * Reports per kind ordinal that match the plan for that kind and the report filter ({@code null}: no filter).
     */
    static long[] count(IndexSearcher searcher, QueryTranslator.KindPlan plan, Query reportFilter, BitSetProducer reportDocs)
            throws IOException {
        List<Weight> sectionWeights = weights(searcher, plan.sectionLeaves());
        List<Weight> reportWeights = weights(searcher, plan.reportLeaves());
        Weight filterWeight = reportFilter == null ? null : SegmentIterators.weight(searcher, reportFilter, ScoreMode.COMPLETE_NO_SCORES);
        List<java.util.concurrent.Callable<long[]>> tasks = new java.util.ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            tasks.add(() -> countLeaf(leaf, plan, sectionWeights, reportWeights, filterWeight, reportDocs));
        }
        long[] counts = new long[KINDS];
        // Segments are independent: counted in parallel on the searcher's threads (in turn without an executor).
        for (long[] leafCounts : searcher.getTaskExecutor().invokeAll(tasks)) {
            for (int k = 0; k < KINDS; k++) {
                counts[k] += leafCounts[k];
            }
        }
        return counts;
    }

    private static long[] countLeaf(LeafReaderContext leaf, QueryTranslator.KindPlan plan, List<Weight> sectionWeights,
                                    List<Weight> reportWeights, Weight filterWeight, BitSetProducer reportDocs) throws IOException {
        long[] counts = new long[KINDS];
        int[] masks = new int[sectionWeights.size()];
        boolean[] reportHits = new boolean[reportWeights.size()];
        BitSet parents = reportDocs.getBitSet(leaf);
        if (parents == null || leaf.reader().getNumericDocValues(IndexSchema.SECTION_KIND_NUMBER) == null) {
            return counts;
        }
        DocIdSetIterator[] sections = SegmentIterators.of(sectionWeights, leaf);
        // Doc values only move forward: one instance per leaf iterator, each read in its iterator's order.
        NumericDocValues[] kinds = new NumericDocValues[sections.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = leaf.reader().getNumericDocValues(IndexSchema.SECTION_KIND_NUMBER);
        }
        DocIdSetIterator[] reports = SegmentIterators.of(reportWeights, leaf);
        DocIdSetIterator filter = filterWeight == null ? null : SegmentIterators.of(List.of(filterWeight), leaf)[0];
        if (filterWeight != null && filter == null) {
            return counts; // no report of this segment passes the filter
        }
        Bits live = leaf.reader().getLiveDocs();
        for (DocIdSetIterator it : sections) {
            if (it != null) {
                it.nextDoc();
            }
        }
        while (true) {
            int parent = DocIdSetIterator.NO_MORE_DOCS;
            for (DocIdSetIterator it : sections) {
                if (it != null && it.docID() != DocIdSetIterator.NO_MORE_DOCS) {
                    parent = Math.min(parent, parents.nextSetBit(it.docID()));
                }
            }
            if (parent == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            // The report's sections precede it in its block: every leaf's matches below it belong to it.
            for (int i = 0; i < sections.length; i++) {
                int mask = 0;
                DocIdSetIterator it = sections[i];
                if (it != null) {
                    for (int doc = it.docID(); doc < parent; doc = it.nextDoc()) {
                        if (kinds[i].advanceExact(doc)) {
                            mask |= 1 << (int) kinds[i].longValue();
                        }
                    }
                }
                masks[i] = mask;
            }
            if (live != null && !live.get(parent) || filter != null && !SegmentIterators.at(filter, parent)) {
                continue;
            }
            for (int i = 0; i < reports.length; i++) {
                reportHits[i] = reports[i] != null && SegmentIterators.at(reports[i], parent);
            }
            for (int k = 0; k < KINDS; k++) {
                if (plan.root().matches(masks, reportHits, 1 << k)) {
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    private static List<Weight> weights(IndexSearcher searcher, List<Query> queries) throws IOException {
        java.util.ArrayList<Weight> weights = new java.util.ArrayList<>(queries.size());
        for (Query q : queries) {
            weights.add(SegmentIterators.weight(searcher, q, ScoreMode.COMPLETE_NO_SCORES));
        }
        return weights;
    }
}
