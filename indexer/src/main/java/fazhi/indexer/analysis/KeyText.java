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
            int[] keys = foldedKeys(normalizer, cp);
            table[cp] = keys.length == 0 ? NOTHING : keys.length == 1 ? keys[0] : SEVERAL;
        }
        return table;
    }

    /** The key code points {@code cp} folds to, in order (none for punctuation and spacing, several for ⑪ → 11). */
    private static int[] foldedKeys(TextNormalizer normalizer, int cp) {
        String folded = normalizer.foldCodePoint(cp);
        int[] keys = new int[folded.length()];
        int n = 0;
        for (int j = 0; j < folded.length(); ) {
            int f = folded.codePointAt(j);
            j += Character.charCount(f);
            if (TextNormalizer.isKeyChar(f)) {
                keys[n++] = f;
            }
        }
        return n == keys.length ? keys : java.util.Arrays.copyOf(keys, n);
    }

    public static KeyText of(CharSequence text) {
        Builder out = new Builder(Math.max(16, text.length()));
        scan(text, out);
        return out.build(text);
    }

    /** Receives a text's key code points in order, each with the start offset of the code point it came from. */
    @FunctionalInterface
    private interface Sink {
        void accept(int key, int start);
    }

    /** Hands the key code points of {@code text}, in order, to {@code sink}. */
    private static void scan(CharSequence text, Sink sink) {
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
            for (int f : foldedKeys(normalizer, cp)) {
                sink.accept(f, i);
            }
            i += Character.charCount(cp);
        }
    }

    /** Receives one occurrence of a needle: the original span from its first key code point's source to its last's. */
    @FunctionalInterface
    public interface OccurrenceSink {
        void accept(int start, int end);
    }

    /**
     * Phrases to find ({@link Phrases#findAll}) with the bitset of the characters where one can start, built once for a
     * search and used for every section of its page or export (the bitset is 8 KB). Immutable: the searcher's
     * threads share it.
     */
    public static final class Phrases {
        private final int[][] needles;
        private final long[] startChars;

        private Phrases(int[][] needles) {
            this.needles = needles;
            this.startChars = new long[0x10000 >>> 6];
            for (int[] needle : needles) {
                Preimages.mark(needle[0], startChars);
            }
            for (int w = Character.MIN_HIGH_SURROGATE >>> 6; w <= Character.MAX_HIGH_SURROGATE >>> 6; w++) {
                startChars[w] = -1L; // a supplementary code point may fold to anything (the leads fill whole words)
            }
        }

        /** No phrase: nothing is marked (a section that did not match keeps its text plain). */
        public static final Phrases NONE = new Phrases(new int[0][]);

        /** Phrase keys (empty ones ignored). */
        public static Phrases of(java.util.Collection<String> keys) {
            return of(keys.stream().filter(k -> !k.isEmpty()).map(k -> k.codePoints().toArray()).toArray(int[][]::new));
        }

        static Phrases of(int[][] needles) {
            return new Phrases(needles.clone());
        }

        /**
         * Every occurrence, overlapping ones too, of every needle (key code points, none empty) in the key of
         * {@code text}, as original offsets: exactly what searching the whole key ({@link KeyText#of}) would find, mapped back,
         * in order of their start offsets (occurrences with the same start in no particular order).
         *
         * <p>Why not stream the whole key by: folding every character of a matching section only to find a few short needles was
         * half the CPU of a CSV export (one passage per matching section) and most of a page's snippets. Here a
         * character is folded only where a needle can start — where it folds to a needle's first key code point (a
         * bitset of such characters, L1-resident), or is the lead of a supplementary pair — and from there only as far
         * as the needle matches.
         */
        public void findAll(CharSequence text, OccurrenceSink sink) {
            if (needles.length == 0) {
                return;
            }
            char[] chars;
            int base;
            int n = text.length();
            if (text instanceof java.nio.CharBuffer buffer && buffer.hasArray()) {
                chars = buffer.array();
                base = buffer.arrayOffset() + buffer.position();
            } else {
                chars = new char[n];
                text.toString().getChars(0, n, chars, 0);
                base = 0;
            }
            for (int i = 0; i < n; i++) {
                char c = chars[base + i];
                if ((startChars[c >>> 6] & 1L << c) != 0) {
                    occurrencesFrom(chars, base, n, i, needles, sink);
                }
            }
        }
    }

    /** The occurrences whose first key code point comes from the code point at {@code i}. */
    private static void occurrencesFrom(char[] chars, int base, int n, int i, int[][] needles, OccurrenceSink sink) {
        int single = SINGLE[chars[base + i]];
        if (single >= 0) {
            for (int[] needle : needles) {
                if (needle[0] == single) {
                    int end = needle.length == 1 ? i + 1 : matchRest(chars, base, n, i + 1, needle, 1);
                    if (end >= 0) {
                        sink.accept(i, end);
                    }
                }
            }
            return;
        }
        int cp = Character.codePointAt(chars, base + i, base + n);
        int next = i + Character.charCount(cp);
        int[] keys = foldedKeys(TextNormalizer.instance(), cp);
        for (int k = 0; k < keys.length; k++) {
            for (int[] needle : needles) {
                if (needle[0] != keys[k]) {
                    continue;
                }
                int m = 1;
                int j = k + 1;
                while (m < needle.length && j < keys.length && keys[j] == needle[m]) {
                    m++;
                    j++;
                }
                int end = m == needle.length ? next : j < keys.length ? -1 : matchRest(chars, base, n, next, needle, m);
                if (end >= 0) {
                    sink.accept(i, end);
                }
            }
        }
    }

    /**
     * Whether the key code points from the character at {@code i} on continue {@code needle} from its code point
     * {@code m}: the end offset of the code point that supplies its last one, or -1.
     */
    private static int matchRest(char[] chars, int base, int n, int i, int[] needle, int m) {
        while (i < n) {
            int single = SINGLE[chars[base + i]];
            if (single == NOTHING) {
                i++;
                continue;
            }
            if (single != SEVERAL) {
                if (single != needle[m]) {
                    return -1;
                }
                i++;
                if (++m == needle.length) {
                    return i;
                }
                continue;
            }
            int cp = Character.codePointAt(chars, base + i, base + n);
            int next = i + Character.charCount(cp);
            for (int f : foldedKeys(TextNormalizer.instance(), cp)) {
                if (f != needle[m]) {
                    return -1;
                }
                if (++m == needle.length) {
                    return next;
                }
            }
            i = next;
        }
        return -1;
    }

    /**
     * For a key code point, the BMP characters whose fold yields it (alone or among several key code points), built
     * on first use from {@link #SINGLE} and the normalizer: the characters where a needle starting with it can start.
     */
    private static final class Preimages {
        /** Distinct key code points, ascending; the characters of {@code keys[k]} are {@code chars[from[k] .. from[k + 1])}. */
        private static final int[] KEYS;
        private static final int[] FROM;
        private static final char[] CHARS;

        static {
            long[] pairs = new long[0x10000 + 0x1000];
            int n = 0;
            for (int c = 0; c < 0x10000; c++) {
                int single = SINGLE[c];
                if (single >= 0) {
                    pairs = grow(pairs, n);
                    pairs[n++] = (long) single << 16 | c;
                } else if (single == SEVERAL && !Character.isSurrogate((char) c)) {
                    for (int key : foldedKeys(TextNormalizer.instance(), c)) { // a repeated key marks its char twice: harmless
                        pairs = grow(pairs, n);
                        pairs[n++] = (long) key << 16 | c;
                    }
                }
            }
            java.util.Arrays.sort(pairs, 0, n);
            int[] keys = new int[n];
            int[] from = new int[n + 1];
            char[] chars = new char[n];
            int k = -1;
            for (int p = 0; p < n; p++) {
                int key = (int) (pairs[p] >>> 16);
                if (k < 0 || keys[k] != key) {
                    keys[++k] = key;
                    from[k] = p;
                }
                chars[p] = (char) pairs[p];
            }
            from[k + 1] = n;
            KEYS = java.util.Arrays.copyOf(keys, k + 1);
            FROM = java.util.Arrays.copyOf(from, k + 2);
            CHARS = chars;
        }

        private static long[] grow(long[] pairs, int n) {
            return n < pairs.length ? pairs : java.util.Arrays.copyOf(pairs, n * 2);
        }

        /** Sets the bits of the characters that fold to {@code key}. */
        static void mark(int key, long[] bits) {
            int k = java.util.Arrays.binarySearch(KEYS, key);
            for (int p = k < 0 ? 0 : FROM[k]; k >= 0 && p < FROM[k + 1]; p++) {
                bits[CHARS[p] >>> 6] |= 1L << CHARS[p];
            }
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
