package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Slices hold whole segments, each exactly once, with document counts as even as whole segments allow. */
class SlicedSearcherTest {
    @Test
    void segmentsAreSpreadEvenlyOverTheSlices() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int size : new int[] {10, 40, 10, 30, 20, 10}) {
                    for (int i = 0; i < size; i++) {
                        Document d = new Document();
                        d.add(new StringField("id", size + "-" + i, Field.Store.NO));
                        w.addDocument(d);
                    }
                    w.flush(); // one segment per group
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSize(6);
                // Filling each slice up to its share (Lucene's static slicing) would give 70 and 50 documents.
                assertThat(docs(SlicedSearcher.balanced(reader.leaves(), 2))).containsExactlyInAnyOrder(60, 60);
                assertThat(docs(SlicedSearcher.balanced(reader.leaves(), 3))).containsExactlyInAnyOrder(40, 40, 40);
                assertThat(docs(SlicedSearcher.balanced(reader.leaves(), 1))).containsExactly(120);
                assertThat(docs(SlicedSearcher.balanced(reader.leaves(), 8))).hasSize(6).containsExactlyInAnyOrder(40, 30, 20, 10, 10, 10);
                for (int cores : new int[] {1, 2, 3, 8}) {
                    List<Integer> bases = Arrays.stream(SlicedSearcher.balanced(reader.leaves(), cores))
                            .flatMap(s -> Arrays.stream(s.partitions)).map(p -> {
                                assertThat(p.minDocId).isZero();
                                assertThat(p.maxDocId).isGreaterThanOrEqualTo(p.ctx.reader().maxDoc());
                                return p.ctx.docBase;
                            }).toList();
                    assertThat(bases).as("every segment once, whole").hasSize(6).doesNotHaveDuplicates();
                }
                assertThat(SlicedSearcher.balanced(List.of(), 2)).isEmpty();
            }
        }
    }

    /**
     * Block-aligned slices: equal shares of the documents in document order, every document once, segments cut
     * only right after a report (a block's sections and its report stay together), within one block of the share.
     */
    @Test
    void blockAlignedSlicesCutBetweenReportsIntoEqualShares() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                int[][] segments = {{3, 1, 4, 1, 5}, {9, 2, 6}, {5, 3, 5, 8, 9, 7, 9}}; // sections per report
                for (int[] blocks : segments) {
                    for (int sections : blocks) {
                        List<Document> block = new java.util.ArrayList<>();
                        for (int i = 0; i < sections; i++) {
                            Document d = new Document();
                            d.add(new StringField("type", "section", Field.Store.NO));
                            block.add(d);
                        }
                        Document report = new Document();
                        report.add(new StringField("type", "report", Field.Store.NO));
                        block.add(report);
                        w.addDocuments(block);
                    }
                    w.flush();
                }
                Document loose = new Document(); // a segment without reports is never cut
                loose.add(new StringField("type", "other", Field.Store.NO));
                w.addDocument(loose);
                w.addDocument(loose);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                var reports = new org.apache.lucene.search.join.QueryBitSetProducer(
                        new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("type", "report")));
                int total = reader.maxDoc();
                for (int n : new int[] {1, 2, 3, 5}) {
                    IndexSearcher.LeafSlice[] slices = SlicedSearcher.blockAligned(reader.leaves(), reports, n);
                    assertThat(slices).as(n + " slices").hasSize(n);
                    int next = 0; // the next document, in the reader's numbering, that a partition must start at
                    for (int s = 0; s < slices.length; s++) {
                        int docs = 0;
                        for (IndexSearcher.LeafReaderContextPartition p : slices[s].partitions) {
                            assertThat(p.ctx.docBase + p.minDocId).as("contiguous, each document once").isEqualTo(next);
                            var parents = reports.getBitSet(p.ctx);
                            if (p.maxDocId < p.ctx.reader().maxDoc()) {
                                assertThat(parents.get(p.maxDocId - 1)).as("cut right after a report").isTrue();
                            }
                            if (p.minDocId > 0) {
                                assertThat(parents.get(p.minDocId - 1)).as("starts right after a report").isTrue();
                            }
                            docs += p.maxDocId - p.minDocId;
                            next = p.ctx.docBase + p.maxDocId;
                        }
                        if (s < slices.length - 1) {
                            // The biggest block is 10 documents: a share is never missed by more.
                            assertThat(docs).as("slice " + s + " of " + n).isBetween(total / n - 10, total / n + 10);
                        }
                    }
                    assertThat(next).isEqualTo(total);
                }
            }
        }
    }

    private static List<Integer> docs(IndexSearcher.LeafSlice[] slices) {
        return Arrays.stream(slices).map(IndexSearcher.LeafSlice::getMaxDocs).toList();
    }
}
