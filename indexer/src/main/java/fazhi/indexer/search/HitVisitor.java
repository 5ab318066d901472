package fazhi.indexer.search;

import java.io.IOException;

/** Receives the hits of a whole result set one at a time, in result order (see {@link SearchService#forEachHit}). */
@FunctionalInterface
public interface HitVisitor {
    void visit(ReportHit hit) throws IOException;
}
