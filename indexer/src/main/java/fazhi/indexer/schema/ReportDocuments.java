package fazhi.indexer.schema;

import fazhi.core.json.ReportJson;
import fazhi.core.model.Region;
import fazhi.core.model.Report;
import fazhi.core.model.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Turns a report record into its Lucene block (sections first, the report document last). */
public final class ReportDocuments {
    private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();

    /** The block to pass to {@code IndexWriter.updateDocuments(new Term(REPORT_ID, id), block)}. */
    public List<Document> block(Report report) {
        try {
            List<Document> block = new ArrayList<>(report.sections().size() + 1);
            List<Section> sections = report.sections();
            for (int i = 0; i < sections.size(); i++) {
                block.add(sectionDocument(report.id(), i, sections.get(i)));
            }
            block.add(facetsConfig.build(reportDocument(report)));
            return block;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document sectionDocument(String reportId, int ordinal, Section section) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.REPORT_ID, reportId, Field.Store.NO));
        doc.add(new StringField(IndexSchema.DOC_TYPE, IndexSchema.TYPE_SECTION, Field.Store.NO));
        doc.add(new StringField(IndexSchema.SECTION_KIND, section.kind().code(), Field.Store.YES));
        doc.add(new NumericDocValuesField(IndexSchema.SECTION_KIND_NUMBER, section.kind().ordinal()));
        doc.add(new StoredField(IndexSchema.SECTION_ORDINAL, ordinal));
        if (section.heading() != null) {
            doc.add(new StoredField(IndexSchema.SECTION_HEADING, section.heading()));
        }
        doc.add(new StoredField(IndexSchema.SECTION_TEXT, IndexSchema.storedText(section.text())));
        String content = IndexSchema.sectionContent(section.heading(), section.text());
        doc.add(new TextField(IndexSchema.SECTION_RANKING, content, Field.Store.NO));
        // Positions only: passages are marked from the stored text with the same key mapping (search.Snippets).
        doc.add(new TextField(IndexSchema.SECTION_KEY, content, Field.Store.NO));
        return doc;
    }

    private static Document reportDocument(Report report) {
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.REPORT_ID, report.id(), Field.Store.YES));
        doc.add(new StringField(IndexSchema.DOC_TYPE, IndexSchema.TYPE_REPORT, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexSchema.ID_SORT, new BytesRef(report.id())));
        // The section fields, empty, so that every document has them: norms (and the kind number) stored for
        // every document are read by document number, while with gaps for the report documents each lookup
        // went through a sparse index (a tenth of a phrase search's time at 100k reports). No tokens: the
        // report matches no section query, and field statistics (BM25's document count) are unchanged.
        doc.add(new TextField(IndexSchema.SECTION_RANKING, "", Field.Store.NO));
        doc.add(new TextField(IndexSchema.SECTION_KEY, "", Field.Store.NO));
        doc.add(new NumericDocValuesField(IndexSchema.SECTION_KIND_NUMBER, IndexSchema.NOT_A_SECTION));
        String line = ReportJson.toLine(report);
        // The record minus its sections; the section texts are stored once, on the section documents.
        doc.add(new StoredField(IndexSchema.SUMMARY, ReportJson.toLine(summary(report))));
        doc.add(new StoredField(IndexSchema.FINGERPRINT, fingerprint(line)));
        doc.add(new StringField(IndexSchema.LEVEL, report.level().code(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_LEVEL, report.level().code()));
        if (report.year() != null) {
            doc.add(new IntPoint(IndexSchema.YEAR, report.year()));
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_YEAR, String.valueOf(report.year())));
        }
        if (report.published() != null) {
            doc.add(new LongPoint(IndexSchema.PUBLISHED, report.published().toEpochDay()));
            doc.add(new NumericDocValuesField(IndexSchema.PUBLISHED, report.published().toEpochDay()));
        }
        List<String> path = regionPath(report.region());
        for (String name : path) {
            doc.add(new StringField(IndexSchema.REGION_NAME, name, Field.Store.NO));
        }
        String code = report.region().code();
        if (code != null) {
            for (int len : new int[] {2, 4, 6, 9, 12}) {
                if (code.length() >= len) {
                    doc.add(new StringField(IndexSchema.REGION_CODE, code.substring(0, len), Field.Store.NO));
                }
            }
        }
        if (!path.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.FACET_REGION, path.toArray(String[]::new)));
            doc.add(new SortedDocValuesField(IndexSchema.REGION_SORT, new BytesRef(String.join("/", path))));
        }
        return doc;
    }

    /** The report without its sections: what {@link IndexSchema#SUMMARY} stores. */
    public static Report summary(Report report) {
        return new Report(report.id(), report.url(), report.urls(), report.title(), report.issuer(), report.level(),
                report.year(), report.published(), report.region(), report.site(), List.of(), report.attachments(),
                report.contentHash());
    }

    /** The known parts of a region, top down (a municipality has no city); empty when nothing is known. */
    public static List<String> regionPath(Region region) {
        List<String> path = new ArrayList<>(4);
        for (String part : new String[] {region.province(), region.city(), region.district(), region.township()}) {
            if (part != null && !part.isBlank()) {
                path.add(part);
            }
        }
        return path;
    }

    /** Hash of the record line: an unchanged record is skipped by incremental indexing. */
    public static String fingerprint(String recordLine) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(IndexSchema.VERSION.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(recordLine.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
