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

    private static List<Integer> docs(IndexSearcher.LeafSlice[] slices) {
        return Arrays.stream(slices).map(IndexSearcher.LeafSlice::getMaxDocs).toList();
    }
}
