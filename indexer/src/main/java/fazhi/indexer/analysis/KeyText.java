package fazhi.indexer.analysis;

import fazhi.core.text.TextNormalizer;

/**
 * A text's phrase key ({@link TextNormalizer#phraseKey}) as an array of code points, each mapped back to the span
 * of the original text it came from. The phrase field's tokens and the highlighter's marks both come from here,
 * so what matches is exactly what gets marked, at the right place in the original (display) text.
 */
public final class KeyText {
    /**
     * The original text. A key code point's span is the whole code point it came from, so its end is not stored
     * but read from here: one array less to fill per character (this is built for every snippet of a section).
     */
    private final CharSequence text;
    private final int[] keys;
    private final int[] starts;
    /** Used length of the arrays (they are the builder's, not trimmed copies: a passage reads a KeyText once). */
    private final int length;

    private KeyText(CharSequence text, int[] keys, int[] starts, int length) {
        this.text = text;
        this.keys = keys;
        this.starts = starts;
        this.length = length;
    }

    /** What a BMP code point contributes to the key when that is at most one code point. */
    private static final int NOTHING = -1;
    /** Several key code points (e.g. ⑪ → 11), or a surrogate: folded the slow way. */
    private static final int SEVERAL = -2;
    /**
     * Per BMP code point: the one key code point it folds to, {@link #NOTHING} or {@link #SEVERAL}. Derived once
     * from {@link TextNormalizer#foldCodePoint} (so the key is exactly the same), it saves a string per character:
     * folding a whole 5–20k-character section for every snippet was a measurable share of a search.
     */
    private static final int[] SINGLE = singleTable();

    private static int[] singleTable() {
        TextNormalizer normalizer = TextNormalizer.instance();
        int[] table = new int[0x10000];
        for (int cp = 0; cp < table.length; cp++) {
            if (Character.isSurrogate((char) cp)) {
                table[cp] = SEVERAL;
                continue;
            }
            String folded = normalizer.foldCodePoint(cp);
            int key = NOTHING;
            for (int j = 0; j < folded.length(); ) {
                int f = folded.codePointAt(j);
                j += Character.charCount(f);
                if (TextNormalizer.isKeyChar(f)) {
                    key = key == NOTHING ? f : SEVERAL;
                }
            }
            table[cp] = key;
        }
        return table;
    }

    public static KeyText of(CharSequence text) {
        Builder out = new Builder(Math.max(16, text.length()));
        scan(text, out);
        return out.build(text);
    }

    /** Receives a text's key code points in order, each with the start offset of the code point it came from. */
    @FunctionalInterface
    public interface Sink {
        void accept(int key, int start);
    }

    /**
     * Hands the key code points of {@code text} to {@code sink} without storing them: a snippet needs only the
     * occurrences of a few short phrases, not the whole key of a 5–40k-character section.
     */
    public static void scan(CharSequence text, Sink sink) {
        TextNormalizer normalizer = TextNormalizer.instance();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int single = SINGLE[c];
            if (single != SEVERAL) { // a BMP code point that is not a surrogate: one table lookup
                if (single != NOTHING) {
                    sink.accept(single, i);
                }
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            int next = i + Character.charCount(cp);
            String folded = normalizer.foldCodePoint(cp);
            for (int j = 0; j < folded.length(); ) {
                int f = folded.codePointAt(j);
                j += Character.charCount(f);
                if (TextNormalizer.isKeyChar(f)) {
                    sink.accept(f, i);
                }
            }
            i = next;
        }
    }

    /** Growable parallel arrays of key code points and their original start offsets. */
    private static final class Builder implements Sink {
        private int[] keys;
        private int[] starts;
        private int n;

        Builder(int capacity) {
            keys = new int[capacity];
            starts = new int[capacity];
        }

        @Override
        public void accept(int key, int start) {
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                starts = java.util.Arrays.copyOf(starts, n * 2);
            }
            keys[n] = key;
            starts[n] = start;
            n++;
        }

        KeyText build(CharSequence text) {
            return new KeyText(text, keys, starts, n);
        }

    }

    /** Number of key code points. */
    public int length() {
        return length;
    }

    public int codePointAt(int index) {
        return keys[java.util.Objects.checkIndex(index, length)];
    }

    /** Start offset (in chars of the original text) of the key code point at {@code index}. */
    public int startOffset(int index) {
        return starts[java.util.Objects.checkIndex(index, length)];
    }

    /** End offset (exclusive) in the original text of the key code point at {@code index}. */
    public int endOffset(int index) {
        return endOfCodePoint(text, starts[java.util.Objects.checkIndex(index, length)]);
    }

    /**
     * End offset (exclusive) of the original code point starting at {@code start}: where a key code point's source
     * ends, for a key held ({@link #endOffset}) or streamed ({@link #scan}, whose sink gets start offsets only).
     */
    public static int endOfCodePoint(CharSequence text, int start) {
        return start + Character.charCount(Character.codePointAt(text, start));
    }

    /** The key as a string (equals {@code TextNormalizer.phraseKey} of the original text). */
    public String key() {
        return new String(keys, 0, length);
    }

    /**
     * Writes the key's code points {@code [from, to)} as chars into {@code dest} (room for two chars per code point
     * needed) and returns how many chars that was: a token's term without a string per token.
     */
    public int copyKey(int from, int to, char[] dest) {
        java.util.Objects.checkFromToIndex(from, to, length);
        int n = 0;
        for (int i = from; i < to; i++) {
            n += Character.toChars(keys[i], dest, n);
        }
        return n;
    }
}
