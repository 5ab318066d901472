package fazhi.indexer.search;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher that spreads one query over every core: the segments are grouped into as many slices as there are
 * cores, balanced by document count, and the slices are searched in parallel (the calling thread takes part).
 * Lucene's default slicing groups up to five segments or 250k documents per slice, which on this corpus size
 * puts a whole index into one slice, so a single search used one core. A segment is never split: a block-join
 * block (sections, then their report) must be seen whole.
 */
final class SlicedSearcher extends IndexSearcher {
    SlicedSearcher(IndexReader reader, Executor executor) {
        super(reader, executor);
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        long docs = 0;
        for (LeafReaderContext leaf : leaves) {
            docs += leaf.reader().maxDoc();
        }
        // Called during construction, so it cannot read a field of this class: the core count is asked again.
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        int perSlice = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (docs + cores - 1) / cores));
        return slices(leaves, perSlice, Integer.MAX_VALUE, false);
    }
}
