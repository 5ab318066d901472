package fazhi.core.understand;

import fazhi.core.text.TextNormalizer;

/**
 * Text in search form (TextNormalizer.searchForm) with the offset of every folded character in the original, so
 * that a rule matched on the folded text can hand back the original characters for display. Whitespace can be
 * dropped from the folded form ("2021 年" → "2021年") while the original keeps it.
 */
final class FoldedText {
    private final String original;
    private final String folded;
    private final int[] start;
    private final int[] end;

    private FoldedText(String original, String folded, int[] start, int[] end) {
        this.original = original;
        this.folded = folded;
        this.start = start;
        this.end = end;
    }

    static FoldedText of(String original, boolean dropWhitespace) {
        TextNormalizer normalizer = TextNormalizer.instance();
        StringBuilder folded = new StringBuilder(original.length());
        int[] start = new int[original.length() * 3 + 1];
        int[] end = new int[original.length() * 3 + 1];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String f = normalizer.foldCodePoint(cp);
            for (int k = 0; k < f.length(); k++) {
                char c = f.charAt(k);
                if (dropWhitespace && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                    continue;
                }
                if (folded.length() >= start.length) {
                    start = java.util.Arrays.copyOf(start, start.length * 2);
                    end = java.util.Arrays.copyOf(end, end.length * 2);
                }
                start[folded.length()] = i;
                end[folded.length()] = next;
                folded.append(c);
            }
            i = next;
        }
        return new FoldedText(original, folded.toString(), start, end);
    }

    String folded() {
        return folded;
    }

    String original() {
        return original;
    }

    /** The original text behind folded[from, to). */
    String originalOf(int from, int to) {
        if (from >= to) {
            return "";
        }
        return original.substring(start[from], end[to - 1]);
    }

    /** The original text from the character behind folded[from] to the end. */
    String originalFrom(int from) {
        return from >= folded.length() ? "" : original.substring(start[from]);
    }
}
