package fazhi.indexer.analysis;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.SegmentingTokenizerBase;

/**
 * smartcn's tokenizer ({@code HMMChineseTokenizer}: sentences by the JDK's sentence break rules, each segmented
 * into words) with {@link SmartcnSegmenter} doing the segmenting: the same tokens, terms, offsets and types, at
 * several times the speed. {@code SmartcnTokenizerTest} compares it with {@code HMMChineseTokenizer} token by token.
 */
public final class SmartcnTokenizer extends SegmentingTokenizerBase {
    private static final BreakIterator SENTENCES = BreakIterator.getSentenceInstance(Locale.ROOT);

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final SmartcnSegmenter segmenter = new SmartcnSegmenter();
    /** Next word of the current sentence to emit; segmenter.words() when there is none left. */
    private int next;

    public SmartcnTokenizer() {
        super(DEFAULT_TOKEN_ATTRIBUTE_FACTORY, (BreakIterator) SENTENCES.clone());
    }

    @Override
    protected void setNextSentence(int sentenceStart, int sentenceEnd) {
        segmenter.segment(new String(buffer, sentenceStart, sentenceEnd - sentenceStart), offset + sentenceStart);
        next = 0;
    }

    @Override
    protected boolean incrementWord() {
        if (next >= segmenter.words()) {
            return false;
        }
        clearAttributes();
        char[] chars = segmenter.chars(next);
        termAtt.copyBuffer(chars, 0, chars.length);
        offsetAtt.setOffset(correctOffset(segmenter.start(next)), correctOffset(segmenter.end(next)));
        typeAtt.setType("word");
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = segmenter.words(); // the previous text's last sentence is not this one's
    }
}
