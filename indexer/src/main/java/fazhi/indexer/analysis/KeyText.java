package fazhi.indexer.analysis;

import fazhi.core.text.TextNormalizer;

/**
 * A text's phrase key ({@link TextNormalizer#phraseKey}) as an array of code points, each mapped back to the span
 * of the original text it came from. The phrase field's tokens and the highlighter's marks both come from here,
 * so what matches is exactly what gets marked, at the right place in the original (display) text.
 */
public final class KeyText {
    private final int[] keys;
    private final int[] starts;
    private final int[] ends;
    /** Used length of the arrays (they are the builder's, not trimmed copies: a passage reads a KeyText once). */
    private final int length;

    private KeyText(int[] keys, int[] starts, int[] ends, int length) {
        this.keys = keys;
        this.starts = starts;
        this.ends = ends;
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
        TextNormalizer normalizer = TextNormalizer.instance();
        Builder out = new Builder(Math.max(16, text.length()));
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int single = SINGLE[c];
            if (single != SEVERAL) { // a BMP code point that is not a surrogate: one table lookup
                if (single != NOTHING) {
                    out.add(single, i, i + 1);
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
                    out.add(f, i, next);
                }
            }
            i = next;
        }
        return out.build();
    }

    /** Growable parallel arrays of key code points and their original offsets. */
    private static final class Builder {
        private int[] keys;
        private int[] starts;
        private int[] ends;
        private int n;

        Builder(int capacity) {
            keys = new int[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int key, int start, int end) {
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            keys[n] = key;
            starts[n] = start;
            ends[n] = end;
            n++;
        }

        KeyText build() {
            return new KeyText(keys, starts, ends, n);
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
        return ends[java.util.Objects.checkIndex(index, length)];
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
