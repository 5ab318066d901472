package fazhi.indexer.search;

import fazhi.indexer.analysis.KeyText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Passages with the query's phrases marked. Marks are found the way matching works (substring search on the phrase
 * key, mapped back to original offsets through {@link KeyText}), so every phrase that made a section match is marked
 * and nothing else is. The HTML form escapes the crawled text (it can contain {@code <script>}) and adds only
 * {@code <mark>} tags.
 */
final class Snippets {
    /** Passage length in chars of the original text. */
    static final int WINDOW = 120;
    private static final int LEAD = 30;

    private Snippets() {
    }

    record Range(int start, int end) {
    }

    record Passage(String html, String text) {
    }

    /** Marked ranges of every occurrence of every key in {@code content}, merged where they overlap or touch. */
    static List<Range> marks(CharSequence content, Collection<String> keys) {
        return marks(content, KeyText.Phrases.of(keys));
    }

    /** The same, for phrases compiled once for every section of a page or an export. */
    static List<Range> marks(CharSequence content, KeyText.Phrases phrases) {
        // Every occurrence, overlapping ones too, folding the text only where a key can start; they come in order
        // of their starts, so they are merged as they come (no list of them, no sort).
        Merger merger = new Merger();
        phrases.findAll(content, merger);
        return merger.ranges();
    }

    /** Merges ranges that arrive in order of their starts where they overlap or touch. */
    private static final class Merger implements KeyText.OccurrenceSink {
        private final List<Range> merged = new ArrayList<>();
        private int start = -1;
        private int end = -1;

        @Override
        public void accept(int s, int e) {
            if (start >= 0 && s <= end) {
                end = Math.max(end, e);
                return;
            }
            if (start >= 0) {
                merged.add(new Range(start, end));
            }
            start = s;
            end = e;
        }

        List<Range> ranges() {
            if (start >= 0) {
                merged.add(new Range(start, end));
                start = -1;
            }
            return merged;
        }
    }

    /** The best passage of {@code content}: the window holding the most marks (the earliest on ties). */
    static Passage passage(CharSequence content, Collection<String> keys) {
        return passage(content, KeyText.Phrases.of(keys));
    }

    /** The same, for phrases compiled once for every section of a page or an export. */
    static Passage passage(CharSequence content, KeyText.Phrases phrases) {
        List<Range> marks = marks(content, phrases);
        int start = 0;
        if (!marks.isEmpty()) {
            // Sliding window over the sorted marks: the window starting LEAD chars before mark i holds marks i..j-1.
            int best = -1;
            int j = 0;
            for (int i = 0; i < marks.size(); i++) {
                int from = Math.max(0, marks.get(i).start() - LEAD);
                j = Math.max(j, i);
                while (j < marks.size() && marks.get(j).end() <= from + WINDOW) {
                    j++;
                }
                int count = j - i;
                if (count > best) {
                    best = count;
                    start = from;
                }
            }
        }
        int end = Math.min(content.length(), start + WINDOW);
        start = safeBoundary(content, start);
        end = safeBoundary(content, end);
        return render(content, start, end, marks);
    }

    /** The whole text with marks (the report view). */
    static Passage whole(CharSequence content, Collection<String> keys) {
        return whole(content, KeyText.Phrases.of(keys));
    }

    /** The same, for phrases compiled once for every section or paragraph of a report view or comparison. */
    static Passage whole(CharSequence content, KeyText.Phrases phrases) {
        return render(content, 0, content.length(), marks(content, phrases));
    }

    private static Passage render(CharSequence content, int start, int end, List<Range> marks) {
        // Sized for the window and its ellipses, the HTML for a few marks and escapes: growing them was a visible
        // share of a CSV export, which renders one passage per matching section.
        StringBuilder html = new StringBuilder(end - start + 64);
        StringBuilder text = new StringBuilder(end - start + 2);
        if (start > 0) {
            html.append('…');
            text.append('…');
        }
        int pos = start;
        for (Range r : marks) {
            if (r.end() <= start || r.start() >= end) {
                continue;
            }
            int s = Math.max(r.start(), start);
            int e = Math.min(r.end(), end);
            appendEscaped(html, content, pos, s);
            html.append("<mark>");
            appendEscaped(html, content, s, e);
            html.append("</mark>");
            pos = e;
        }
        appendEscaped(html, content, pos, end);
        appendFlat(text, content, start, end);
        if (end < content.length()) {
            html.append('…');
            text.append('…');
        }
        return new Passage(html.toString(), text.toString());
    }

    /** Moves an offset off the middle of a surrogate pair. */
    private static int safeBoundary(CharSequence content, int offset) {
        if (offset > 0 && offset < content.length() && Character.isLowSurrogate(content.charAt(offset))
                && Character.isHighSurrogate(content.charAt(offset - 1))) {
            return offset - 1;
        }
        return offset;
    }

    /** The text with line breaks and tabs as spaces (a passage is one line), as {@link #appendEscaped} does for HTML. */
    private static void appendFlat(StringBuilder out, CharSequence content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            out.append(isBreak(c) ? ' ' : c);
        }
    }

    private static boolean isBreak(char c) {
        return c == '\r' || c == '\n' || c == '\t';
    }

    private static void appendEscaped(StringBuilder out, CharSequence content, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(isBreak(c) ? ' ' : c);
            }
        }
    }
}
