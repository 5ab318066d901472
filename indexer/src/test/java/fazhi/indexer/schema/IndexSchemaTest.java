package fazhi.indexer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

/** A stored section reads back as the text it was searched in: heading, line break, body (UTF-16 stored). */
class IndexSchemaTest {
    private static Document section(String heading, String text) {
        Document doc = new Document();
        if (heading != null) {
            doc.add(new StoredField(IndexSchema.SECTION_HEADING, heading));
        }
        doc.add(new StoredField(IndexSchema.SECTION_TEXT, IndexSchema.storedText(text)));
        return doc;
    }

    @Test
    void storedSectionContentEqualsTheIndexedContent() {
        String text = "一是聘请法律顾问𠀀，审查合同 42 件。\n二是「民情茶室」";
        for (String heading : new String[] {"一、主要举措", null, " "}) {
            Document doc = section(heading, text);
            assertThat(IndexSchema.sectionContent(doc).toString()).as(String.valueOf(heading))
                    .isEqualTo(IndexSchema.sectionContent(heading, text));
            assertThat(IndexSchema.sectionText(doc)).isEqualTo(text);
        }
        assertThat(IndexSchema.sectionContent(section("标题", "")).toString()).isEqualTo("标题\n");
    }
}
