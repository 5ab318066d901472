package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.indexer.schema.IndexSchema;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Counting only each document's deepest facet ordinals and rolling them up gives the counts of every ordinal. */
class FacetTableTest {
    private static Document report(String... regionPath) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_REGION, regionPath));
        return doc;
    }

    private static FacetTable table(DirectoryReader reader) throws IOException {
        return FacetTable.build(new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.FACET_FIELD, IndexSchema.facetsConfig()));
    }

    private static int count(FacetTable table, int[] counts, String... path) {
        int[] level = table.dimChildren(IndexSchema.FACET_REGION);
        int ord = -1;
        for (String label : path) {
            ord = -1;
            for (int o : level) {
                if (table.label(o).equals(label)) {
                    ord = o;
                }
            }
            level = table.children(ord);
        }
        return counts[ord];
    }

    @Test
    void oneRegionPathPerReportIsRolledUpAndCountedExactly() throws IOException {
        FacetsConfig config = IndexSchema.facetsConfig();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocument(config.build(report("重庆市", "渝北区", "统景镇")));
            writer.addDocument(config.build(report("重庆市", "渝北区", "大湾镇")));
            writer.addDocument(config.build(report("重庆市", "合川区")));
            writer.addDocument(config.build(report("四川省", "成都市", "武侯区")));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                FacetTable table = table(reader);
                assertThat(table.rolledUp()).isTrue();
                FacetsCollector hits = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                int[] counts = table.count(hits);
                assertThat(count(table, counts, "重庆市")).isEqualTo(3);
                assertThat(count(table, counts, "重庆市", "渝北区")).isEqualTo(2);
                assertThat(count(table, counts, "重庆市", "渝北区", "统景镇")).isEqualTo(1);
                assertThat(count(table, counts, "重庆市", "合川区")).isEqualTo(1);
                assertThat(count(table, counts, "四川省", "成都市")).isEqualTo(1);
            }
        }
    }

    @Test
    void aReportInTwoPlacesOfOneProvinceIsCountedOnceThere() throws IOException {
        // The schema allows one region per report; a multi-valued region (an index built otherwise) must still count
        // exactly, so the table then counts every ordinal instead of rolling up.
        FacetsConfig config = IndexSchema.facetsConfig();
        config.setMultiValued(IndexSchema.FACET_REGION, true);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            Document two = report("重庆市", "渝北区");
            two.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_REGION, "重庆市", "合川区"));
            writer.addDocument(config.build(two));
            writer.addDocument(config.build(report("重庆市", "渝北区")));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                FacetTable table = table(reader);
                assertThat(table.rolledUp()).as("rolling up would count 重庆市 twice for the first report").isFalse();
                FacetsCollector hits = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetsCollectorManager());
                int[] counts = table.count(hits);
                assertThat(count(table, counts, "重庆市")).isEqualTo(2);
                assertThat(count(table, counts, "重庆市", "渝北区")).isEqualTo(2);
                assertThat(count(table, counts, "重庆市", "合川区")).isEqualTo(1);
            }
        }
    }
}
