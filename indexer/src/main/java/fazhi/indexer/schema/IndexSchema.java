package fazhi.indexer.schema;

import fazhi.indexer.analysis.Analyzers;
import fazhi.indexer.analysis.TrigramStarts;
import fazhi.indexer.analysis.UserDictionary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.util.BytesRef;

/**
 * Every index field name, and how each is analysed. No other class spells a field name.
 *
 * <h2>Structure: block join (sections as children of their report)</h2>
 * Each report is indexed as one block: one document per section (kind, heading, text) followed by the report
 * document (id, title, issuer, level, year, published, region, site, url, the stored record summary and the facet
 * fields).
 * Why a block and not only denormalised section documents: totals, facet counts and paging are about reports, and
 * the facet module counts documents; counting parent documents gives report counts directly, while a text clause
 * is still evaluated per section (so {@code section:problems 法律顾问} means 法律顾问 in a problems section) and the
 * sections that matched are found again inside the block for display. Updates replace the whole block by the
 * {@link #REPORT_ID} term every document of the block carries.
 */
public final class IndexSchema {
    private IndexSchema() {
    }

    /** Bumped whenever fields or analysis change; an index of another version is rebuilt, never mixed. */
    public static final String VERSION = "9";
    /** Commit user-data key holding {@link #VERSION}. */
    public static final String VERSION_KEY = "fazhi.schema";
    /** Commit user-data key holding the user dictionary's fingerprint the ranking field was analysed with. */
    public static final String DICTIONARY_KEY = "fazhi.dictionary";
    /** Commit user-data key holding the fingerprint of the {@link TrigramStarts} the phrase field was built with. */
    public static final String TRIGRAM_STARTS_KEY = "fazhi.trigramStarts";

    /** What every commit records about how it was analysed (see {@link #unsearchable}). */
    public static Map<String, String> commitData(UserDictionary dictionary) {
        return Map.of(VERSION_KEY, VERSION, DICTIONARY_KEY, dictionary.fingerprint(),
                TRIGRAM_STARTS_KEY, TrigramStarts.shipped().fingerprint());
    }

    /**
     * Why an index commit cannot be searched by this code (in Chinese: users read it), or empty when it can: another schema version, or a phrase
     * field built with other trigram starts (this code's phrase queries would ask for trigrams it lacks, and miss
     * matches). Such an index is rebuilt by the indexer, and refused by the search service. A commit made with
     * another user dictionary is still searchable (only the ranking field differs); the indexer rebuilds it.
     */
    public static Optional<String> unsearchable(Map<String, String> commitData) {
        String version = commitData.get(VERSION_KEY);
        if (!VERSION.equals(version)) {
            return Optional.of("索引结构版本 " + version + "，本程序需要版本 " + VERSION);
        }
        String starts = TrigramStarts.shipped().fingerprint();
        if (!starts.equals(commitData.get(TRIGRAM_STARTS_KEY))) {
            return Optional.of("短语字段按另一份三字组起点表建立（指纹 " + commitData.get(TRIGRAM_STARTS_KEY) + "，本程序为 " + starts + "）");
        }
        return Optional.empty();
    }

    // --- every document of a block
    /** The report id on the report document and on each of its sections (the update/delete term). */
    public static final String REPORT_ID = "rid";
    /** "report" or "section". */
    public static final String DOC_TYPE = "type";
    public static final String TYPE_REPORT = "report";
    public static final String TYPE_SECTION = "section";

    // --- section documents
    public static final String SECTION_KIND = "kind";
    /**
     * The section kind's number ({@code SectionKind.ordinal()}) as doc values: the section facet reads the kind of
     * every matching section in one pass, which a stored field would make a decompression per section.
     */
    public static final String SECTION_KIND_NUMBER = "kind_no";
    /** {@link #SECTION_KIND_NUMBER} of a report document (which has it only so that every document has one). */
    public static final long NOT_A_SECTION = -1;
    /** Position of the section in the report (0-based), stored. */
    public static final String SECTION_ORDINAL = "ordinal";
    public static final String SECTION_HEADING = "heading";
    /** Stored section text (display form), as UTF-16 bytes: written by {@link #storedText}, read by {@link #sectionText}. */
    public static final String SECTION_TEXT = "text";
    /** Heading + text analysed by smartcn with the user dictionary: BM25 ranking. */
    public static final String SECTION_RANKING = "body";
    /** Heading + text as unigrams and bigrams of the phrase key: exact phrase recall (substring semantics). */
    public static final String SECTION_KEY = "key";

    // --- report documents
    public static final String ID_SORT = "id_sort";
    /**
     * The record without its sections (ReportJson line, ~1 KB instead of ~30 KB): all a search hit shows, so a
     * page of hits neither decompresses nor parses the report texts. The whole record ({@code report(id)}) is this
     * plus the block's section documents (kind, heading, text, ordinal): each section text is stored once.
     */
    public static final String SUMMARY = "summary";
    public static final String FINGERPRINT = "fingerprint";
    public static final String TITLE = "title";
    public static final String ISSUER = "issuer";
    public static final String URL = "url";
    public static final String SITE_NAME = "site";
    public static final String LEVEL = "level";
    public static final String YEAR = "year";
    /** Published date as epoch day: points for ranges, doc values for sorting. */
    public static final String PUBLISHED = "published";
    /** Every known region name (province, city, district, township) as a term, for region:NAME filters. */
    public static final String REGION_NAME = "region_name";
    /** Every prefix of the region code (2, 4, 6, 9 digits), for region:CODE filters. */
    public static final String REGION_CODE = "region_code";
    /** Region path for sorting by region. */
    public static final String REGION_SORT = "region_sort";

    // --- facet dimensions (SortedSetDocValues facets on report documents)
    public static final String FACET_YEAR = "year";
    public static final String FACET_REGION = "region";
    public static final String FACET_LEVEL = "level";
    /** Not a doc-values dimension: section counts come from per-kind counts of the query (drill-sideways style). */
    public static final String FACET_SECTION = "section";
    /** Doc-values field the facet module stores the dimensions in. */
    public static final String FACET_FIELD = "$facets";

    /** Facet configuration: region is hierarchical (province → [city →] district → township). */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(FACET_REGION, true);
        config.setIndexFieldName(FACET_YEAR, FACET_FIELD);
        config.setIndexFieldName(FACET_REGION, FACET_FIELD);
        config.setIndexFieldName(FACET_LEVEL, FACET_FIELD);
        return config;
    }

    /** The index-time and query-time analyzer: smartcn for the ranking field, key grams for the phrase field. */
    public static Analyzer analyzer(UserDictionary dictionary) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                SECTION_RANKING, Analyzers.ranking(dictionary),
                SECTION_KEY, Analyzers.keyGrams()));
    }

    /**
     * A section text as it is stored: UTF-16 little-endian bytes, not a string field. Why: a string field is kept
     * as UTF-8 and decoded character by character on every read, and every hit of a search page and every row of
     * an export reads its sections' texts (in a JFR profile of a 98k-row CSV export at 100k reports that decoding
     * was a quarter of the CPU). UTF-16 is read back by a bulk copy, and Chinese takes 2 bytes a character instead
     * of 3.
     */
    public static BytesRef storedText(String text) {
        byte[] bytes = new byte[text.length() * Character.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(text.toCharArray());
        return new BytesRef(bytes);
    }

    /** The text of a stored section document (see {@link #storedText}); null when the document has none. */
    public static String sectionText(Document section) {
        BytesRef bytes = section.getBinaryValue(SECTION_TEXT);
        if (bytes == null) {
            return null;
        }
        char[] chars = new char[bytes.length / Character.BYTES];
        decodeInto(bytes, chars, 0);
        return new String(chars);
    }

    /** Decodes a stored text ({@link #storedText}) into {@code chars} from {@code offset}: a bulk copy. */
    private static void decodeInto(BytesRef utf16, char[] chars, int offset) {
        ByteBuffer.wrap(utf16.bytes, utf16.offset, utf16.length).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer()
                .get(chars, offset, utf16.length / Character.BYTES);
    }

    /**
     * {@link #sectionContent} of a stored section document, decoded once into one buffer: a page reads it for the
     * snippet of every matching section of its hits, and the heading, the text and their concatenation as strings
     * were three copies of a 5–40k-character section each time.
     */
    public static CharSequence sectionContent(Document section) {
        String heading = section.get(SECTION_HEADING);
        BytesRef text = section.getBinaryValue(SECTION_TEXT);
        int lead = isHeading(heading) ? heading.length() + 1 : 0;
        int length = text == null ? 0 : text.length / Character.BYTES;
        char[] chars = new char[lead + length];
        if (lead > 0) {
            heading.getChars(0, heading.length(), chars, 0);
            chars[lead - 1] = '\n';
        }
        if (text != null) {
            decodeInto(text, chars, lead);
        }
        return java.nio.CharBuffer.wrap(chars);
    }

    /** The text a section is searched and highlighted in: heading and body, as one string. */
    public static String sectionContent(String heading, String text) {
        return isHeading(heading) ? heading + "\n" + text : text;
    }

    /** Whether a section's heading leads its content (both forms of {@code sectionContent} follow this one rule). */
    private static boolean isHeading(String heading) {
        return heading != null && !heading.isBlank();
    }
}
