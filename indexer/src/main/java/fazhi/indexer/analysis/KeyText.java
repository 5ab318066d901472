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

    private KeyText(int[] keys, int[] starts, int[] ends) {
        this.keys = keys;
        this.starts = starts;
        this.ends = ends;
    }

    public static KeyText of(CharSequence text) {
        TextNormalizer normalizer = TextNormalizer.instance();
        int capacity = Math.max(16, text.length());
        int[] keys = new int[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int next = i + Character.charCount(cp);
            String folded = normalizer.foldCodePoint(cp);
            for (int j = 0; j < folded.length(); ) {
                int f = folded.codePointAt(j);
                j += Character.charCount(f);
                if (!TextNormalizer.isKeyChar(f)) {
                    continue;
                }
                if (n == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, n * 2);
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                    ends = java.util.Arrays.copyOf(ends, n * 2);
                }
                keys[n] = f;
                starts[n] = i;
                ends[n] = next;
                n++;
            }
            i = next;
        }
        return new KeyText(java.util.Arrays.copyOf(keys, n), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
    }

    /** Number of key code points. */
    public int length() {
        return keys.length;
    }

    public int codePointAt(int index) {
        return keys[index];
    }

    /** Start offset (in chars of the original text) of the key code point at {@code index}. */
    public int startOffset(int index) {
        return starts[index];
    }

    /** End offset (exclusive) in the original text of the key code point at {@code index}. */
    public int endOffset(int index) {
        return ends[index];
    }

    /** The key as a string (equals {@code TextNormalizer.phraseKey} of the original text). */
    public String key() {
        return new String(keys, 0, keys.length);
    }

    /** The key string of code points {@code [from, to)}. */
    public String key(int from, int to) {
        return new String(keys, from, to - from);
    }
}
