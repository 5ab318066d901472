package fazhi.indexer.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/** The per-segment iterator helpers the one-pass walks share ({@link OnePassSearch}, {@link SectionKindCounter}). */
final class SegmentIterators {
    private SegmentIterators() {
    }

    /** The searcher's weight of a query, rewritten first. */
    static Weight weight(IndexSearcher searcher, Query query, ScoreMode mode) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), mode, 1f);
    }

    /** One iterator per weight over the segment, null where the weight matches nothing in it. */
    static DocIdSetIterator[] of(List<Weight> weights, LeafReaderContext leaf) throws IOException {
        DocIdSetIterator[] its = new DocIdSetIterator[weights.size()];
        for (int i = 0; i < its.length; i++) {
            Scorer scorer = weights.get(i).scorer(leaf);
            its[i] = scorer == null ? null : scorer.iterator();
        }
        return its;
    }

    /** Advances a report-level iterator to {@code doc} (never backwards: reports come in order); true if it is there. */
    static boolean at(DocIdSetIterator it, int doc) throws IOException {
        int d = it.docID();
        if (d < doc) {
            d = it.advance(doc);
        }
        return d == doc;
    }
}
