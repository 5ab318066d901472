package fazhi.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.util.BitSet;

/**
 * A searcher that spreads one query over every core: the segments are grouped into as many slices as there are
 * cores, balanced by document count, and the slices are searched in parallel (the calling thread takes part).
 * Lucene's default slicing groups up to five segments or 250k documents per slice, which on this corpus size
 * puts a whole index into one slice, so a single search used one core. The searcher's own slices never split a
 * segment: Lucene's block joins and drill-sideways must see a block (sections, then their report) whole, and only
 * {@link #blockAligned} knows where blocks end.
 */
final class SlicedSearcher extends IndexSearcher {
    SlicedSearcher(IndexReader reader, Executor executor) {
        super(reader, executor);
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        // Called during construction, so it cannot read a field of this class: the core count is asked again.
        return balanced(leaves, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Segments assigned biggest first, each to the slice with the fewest documents so far. Why not Lucene's static
     * {@code slices(leaves, docs / cores, …)}: it fills a slice until it exceeds its share, so the first slice can
     * take a whole big segment more than its share — on the 10k bench index 64 % of the documents against 36 %,
     * and a search lasts as long as its biggest slice.
     */
    static LeafSlice[] balanced(List<LeafReaderContext> leaves, int slices) {
        List<LeafReaderContext> bySize = new ArrayList<>(leaves);
        bySize.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
        List<List<LeafReaderContextPartition>> groups = new ArrayList<>();
        long[] docs = new long[Math.min(slices, Math.max(1, bySize.size()))];
        for (int i = 0; i < docs.length; i++) {
            groups.add(new ArrayList<>());
        }
        for (LeafReaderContext leaf : bySize) {
            int least = 0;
            for (int i = 1; i < docs.length; i++) {
                if (docs[i] < docs[least]) {
                    least = i;
                }
            }
            groups.get(least).add(LeafReaderContextPartition.createForEntireSegment(leaf));
            docs[least] += leaf.reader().maxDoc();
        }
        return groups.stream().filter(g -> !g.isEmpty()).map(LeafSlice::new).toArray(LeafSlice[]::new);
    }

    /**
     * {@code slices} slices of equal document counts, in document order, each a run of whole segments and parts of
     * segments cut right after a report document, so that every block (a report's sections, then the report) is
     * in one slice. For the walks that see a block whole ({@link OnePassSearch}). Why: whole segments balance only
     * as well as their sizes allow; the 10k bench index is three equal segments, so one of two slices had twice
     * the other's work and a search lasted as long as that slice. A segment without reports is not cut.
     */
    static LeafSlice[] blockAligned(List<LeafReaderContext> leaves, BitSetProducer reports, int slices) throws IOException {
        long total = 0;
        for (LeafReaderContext leaf : leaves) {
            total += leaf.reader().maxDoc();
        }
        List<LeafSlice> result = new ArrayList<>();
        List<LeafReaderContextPartition> current = new ArrayList<>();
        long filled = 0; // documents in the slices before the current one, and in it
        int slice = 0;
        for (LeafReaderContext leaf : leaves) {
            int maxDoc = leaf.reader().maxDoc();
            BitSet parents = reports.getBitSet(leaf);
            int from = 0;
            while (from < maxDoc) {
                // Where the current slice's share ends, within this segment (the last slice takes the rest).
                long share = slice == slices - 1 ? Long.MAX_VALUE : (total * (slice + 1)) / slices;
                long room = share - filled;
                int to = maxDoc;
                if (room < maxDoc - from && parents != null) {
                    int target = from + (int) Math.max(room, 1) - 1;
                    int report = parents.nextSetBit(target);
                    to = report == DocIdSetIterator.NO_MORE_DOCS ? maxDoc : report + 1;
                }
                current.add(LeafReaderContextPartition.createFromAndTo(leaf, from, to));
                filled += to - from;
                from = to;
                if (filled >= share) {
                    result.add(new LeafSlice(current));
                    current = new ArrayList<>();
                    slice++;
                }
            }
        }
        if (!current.isEmpty()) {
            result.add(new LeafSlice(current));
        }
        return result.toArray(LeafSlice[]::new);
    }
}
