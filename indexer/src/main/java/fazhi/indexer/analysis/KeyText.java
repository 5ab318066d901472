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
        TextNormalizer normalizer = TextNormalizer.instance();
        Builder out = new Builder(Math.max(16, text.length()));
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int single = SINGLE[c];
            if (single != SEVERAL) { // a BMP code point that is not a surrogate: one table lookup
                if (single != NOTHING) {
                    out.add(single, i);
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
                    out.add(f, i);
                }
            }
            i = next;
        }
        return out.build(text);
    }

    /** Growable parallel arrays of key code points and their original start offsets. */
    private static final class Builder {
        private int[] keys;
        private int[] starts;
        private int n;

        Builder(int capacity) {
            keys = new int[capacity];
            starts = new int[capacity];
        }

        void add(int key, int start) {
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
        int start = starts[java.util.Objects.checkIndex(index, length)];
        return start + Character.charCount(Character.codePointAt(text, start));
    }

    /**
     * The first index at or after {@code from} where the key continues with {@code needle}'s code points, or -1:
     * substring search on the key without making it a string (a snippet searches every section it shows).
     */
    public int indexOf(int[] needle, int from) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("empty needle");
        }
        int first = needle[0];
        for (int i = Math.max(0, from), last = length - needle.length; i <= last; i++) {
            if (keys[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && keys[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
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
