package fazhi.indexer.analysis;

import fazhi.core.text.TextNormalizer;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * SmartChineseAnalyzer's tokenizer with a user dictionary. smartcn takes no user word list, so the dictionary is
 * applied by pre-segmentation: terms of the dictionary are cut out of the text first (leftmost, longest match on
 * the folded text) and become one token each; the stretches between them go through smartcn's tokenizer
 * unchanged ({@link SmartcnTokenizer}: smartcn's segmentation, the same tokens, faster). Without this, smartcn
 * splits 民情茶室 into 民情/茶/室 and 法律顾问团 into 法律/顾问团. Pre-segmentation rather than a re-joining token
 * filter: a filter can only glue whole smartcn tokens back together and fails whenever smartcn's cut crosses the
 * term's boundary.
 */
public final class DictionaryTokenizer extends Tokenizer {
    static final String WORD_TYPE = "user_word";

    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);

    private final UserDictionary dictionary;
    private final SmartcnTokenizer smartcn = new SmartcnTokenizer();
    private final CharTermAttribute smartTerm = smartcn.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute smartOffset = smartcn.addAttribute(OffsetAttribute.class);
    private final TypeAttribute smartType = smartcn.addAttribute(TypeAttribute.class);

    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int finalOffset;
    private boolean filled;

    private record Token(String term, int start, int end, String type) {
    }

    public DictionaryTokenizer(UserDictionary dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!filled) {
            fill();
            filled = true;
        }
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(next++);
        termAtt.setEmpty().append(token.term());
        offsetAtt.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        typeAtt.setType(token.type());
        return true;
    }

    private void fill() throws IOException {
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = input.read(buffer)) != -1) {
            read.append(buffer, 0, n);
        }
        String text = read.toString();
        finalOffset = correctOffset(text.length());
        String folded = foldCharwise(text);
        int gapStart = 0;
        int i = 0;
        while (i < folded.length()) {
            int match = dictionary.longestMatchAt(folded, i);
            if (match > 0) {
                segment(text, gapStart, i);
                tokens.add(new Token(folded.substring(i, i + match), i, i + match, WORD_TYPE));
                i += match;
                gapStart = i;
            } else {
                i++;
            }
        }
        segment(text, gapStart, text.length());
    }

    /**
     * Per BMP char: what it folds to when that is one char, else the char itself. Derived once from
     * {@link TextNormalizer#foldCodePoint} (the same folding) so that a text is folded without a string per char.
     */
    private static final char[] FOLDED = foldTable();

    private static char[] foldTable() {
        TextNormalizer normalizer = TextNormalizer.instance();
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            String f = Character.isSurrogate((char) c) ? "" : normalizer.foldCodePoint(c);
            table[c] = f.length() == 1 ? f.charAt(0) : (char) c;
        }
        return table;
    }

    /** One folded char per original char (so offsets stay aligned); chars folding to anything else stay as they are. */
    private static String foldCharwise(String text) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = FOLDED[out[i]];
        }
        return new String(out);
    }

    private void segment(String text, int from, int to) throws IOException {
        if (from >= to) {
            return;
        }
        smartcn.setReader(new StringReader(text.substring(from, to)));
        smartcn.reset();
        while (smartcn.incrementToken()) {
            tokens.add(new Token(smartTerm.toString(), from + smartOffset.startOffset(), from + smartOffset.endOffset(), smartType.type()));
        }
        smartcn.end();
        smartcn.close();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        tokens.clear();
        next = 0;
        filled = false;
        finalOffset = 0;
    }
}
