package fazhi.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Tokens of the phrase field: at position i of the phrase key, the unigram (key char i), stacked on the same
 * position the bigram (key chars i, i+1) and, where that bigram is one of the {@link TrigramStarts}, the trigram
 * (key chars i to i+2). A phrase of n ≥ 2 key chars is then a sequence of bigrams and trigrams at their offsets
 * covering every char, which occurs exactly where the phrase occurs as a substring of the key (see
 * QueryTranslator#keyQuery); one key char is a unigram term. The trigrams make phrases that start with a frequent
 * bigram rare terms: a three-char one is a single term (no positions to read), longer ones intersect far fewer
 * sections. Offsets point into the original text (via {@link KeyText}) so highlighting marks the original characters.
 */
public final class KeyGramTokenizer extends Tokenizer {
    /** The longest gram stacked at a position. */
    public static final int MAX_GRAM = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    private KeyText keyText;
    private int index;
    /** The size of the next gram at {@code index}: 1 starts a new position. */
    private int gram;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        if (keyText == null) {
            String text = readAll();
            finalOffset = correctOffset(text.length());
            keyText = KeyText.of(text);
            index = 0;
            gram = 1;
        }
        clearAttributes();
        if (gram > MAX_GRAM || index + gram > keyText.length()
                || gram == MAX_GRAM && !trigramAt(keyText.codePointAt(index), keyText.codePointAt(index + 1))) {
            index++;
            gram = 1;
        }
        if (index >= keyText.length()) {
            return false;
        }
        setTerm(index, index + gram);
        offset.setOffset(correctOffset(keyText.startOffset(index)), correctOffset(keyText.endOffset(index + gram - 1)));
        posInc.setPositionIncrement(gram == 1 ? 1 : 0);
        gram++;
        return true;
    }

    /**
     * Whether a trigram is indexed where the key chars {@code first, second} start one (and a third follows): when
     * they are one of the {@link TrigramStarts}. The one rule the tokenizer and the query translator share.
     */
    public static boolean trigramAt(int first, int second) {
        return TrigramStarts.shipped().contains(first, second);
    }

    private void setTerm(int from, int to) {
        term.setLength(keyText.copyKey(from, to, term.resizeBuffer(2 * (to - from))));
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int read;
        while ((read = input.read(buffer)) != -1) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        keyText = null;
        finalOffset = 0;
    }
}
