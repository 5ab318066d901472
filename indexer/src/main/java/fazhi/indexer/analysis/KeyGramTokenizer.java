package fazhi.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Tokens of the phrase field: at position i of the phrase key, the unigram (key char i) and, stacked on the same
 * position, the bigram (key chars i, i+1). A phrase of n ≥ 2 key chars is then the bigram sequence at consecutive
 * positions, which occurs exactly where the phrase occurs as a substring of the key (every pair of neighbours is
 * checked, and neighbours overlap by one char); one key char is a unigram term. Offsets point into the original
 * text (via {@link KeyText}) so highlighting marks the original characters.
 */
public final class KeyGramTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    private KeyText keyText;
    private int index;
    private boolean bigramPending;
    private int finalOffset;

    @Override
    public boolean incrementToken() throws IOException {
        if (keyText == null) {
            String text = readAll();
            finalOffset = correctOffset(text.length());
            keyText = KeyText.of(text);
            index = 0;
            bigramPending = false;
        }
        clearAttributes();
        if (bigramPending) {
            bigramPending = false;
            setTerm(index, index + 2);
            offset.setOffset(correctOffset(keyText.startOffset(index)), correctOffset(keyText.endOffset(index + 1)));
            posInc.setPositionIncrement(0);
            index++;
            return true;
        }
        if (index >= keyText.length()) {
            return false;
        }
        setTerm(index, index + 1);
        offset.setOffset(correctOffset(keyText.startOffset(index)), correctOffset(keyText.endOffset(index)));
        posInc.setPositionIncrement(1);
        if (index + 1 < keyText.length()) {
            bigramPending = true;
        } else {
            index++;
        }
        return true;
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
