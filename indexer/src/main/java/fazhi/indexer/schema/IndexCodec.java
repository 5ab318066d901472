package fazhi.indexer.schema;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default codec with the stored fields kept uncompressed (Lucene's own stored-fields format, chunked and
 * indexed the same way, with a copy for its compression).
 *
 * <p>Why: every hit on a search page, every row of a CSV export and every report view reads section texts back from
 * the stored fields. With LZ4 (the default) a read decompressed the shared dictionary and the whole sub-block around
 * the section, then decoded it; in a JFR profile of a 98k-row export at 100k reports that was 60 % of the CPU, LZ4
 * alone a third. Raw, a read copies the section's bytes. The price is disk: stored fields about 2.5× larger (the
 * texts are most of them). Registered for Lucene's codec lookup in META-INF/services, so readers find it by name.
 */
public final class IndexCodec extends FilterCodec {
    /** The codec name written into each segment; readers look it up through SPI. */
    public static final String NAME = "Fazhi104";
    private static final int CHUNK_BYTES = 60 * 1024;
    private static final int MAX_DOCS_PER_CHUNK = 1024;
    private static final int BLOCK_SHIFT = 10;

    /**
     * One instance for every codec instance: merges copy whole chunks only between segments whose compression mode
     * is the same object (Lucene compares references); otherwise every document is decoded and written again.
     */
    private static final CompressionMode UNCOMPRESSED = new Uncompressed();
    private static final StoredFieldsFormat STORED_FIELDS = new Lucene90CompressingStoredFieldsFormat("FazhiStoredFieldsRaw",
            UNCOMPRESSED, CHUNK_BYTES, MAX_DOCS_PER_CHUNK, BLOCK_SHIFT);

    public IndexCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED_FIELDS;
    }

    /** A compression mode that copies: a document is read by skipping to its bytes. */
    static final class Uncompressed extends CompressionMode {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
                    out.copyBytes(buffersInput, buffersInput.length());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Copy();
        }

        @Override
        public String toString() {
            return "Uncompressed";
        }
    }

    private static final class Copy extends Decompressor {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes) throws IOException {
            // Consume exactly originalLength bytes: large documents are read as consecutive slices of one stream.
            in.skipBytes(offset);
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
            in.readBytes(bytes.bytes, 0, length);
            bytes.offset = 0;
            bytes.length = length;
            in.skipBytes(originalLength - offset - length);
        }

        @Override
        public Decompressor clone() {
            return new Copy();
        }
    }
}
