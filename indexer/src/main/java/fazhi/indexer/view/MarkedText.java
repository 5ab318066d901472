package fazhi.indexer.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Restores the paragraphs of a highlighted section. {@link fazhi.indexer.search.SearchService#reportSections} returns
 * the whole section as escaped HTML with {@code <mark>} tags, but (being a one-line passage format) with line breaks
 * flattened to spaces. Walking that HTML alongside the raw section text recovers where each paragraph ends and where
 * each mark lies in the raw text, without re-implementing the matching: the marks stay exactly the search service's.
 *
 * <p>The HTML holds only {@code <mark>}/{@code </mark>}, the five entities of the escaper and one output character per
 * raw UTF-16 unit; anything else means the formats drifted apart, and the text is then returned as one paragraph.
 */
public final class MarkedText {
    private MarkedText() {
    }

    /** A marked range of the raw text, [start, end) in UTF-16 units. */
    public record Mark(int start, int end) {
    }

    /**
     * Paragraphs (HTML, each safe to insert as is) and the marks. With {@code firstId >= 0} the opening tag of the
     * k-th mark (counting from 0) becomes {@code <mark id="hit-(firstId + k)">} so a jump list can link to it.
     */
    public record Marked(List<String> paragraphs, List<String> texts, List<Mark> marks) {
        public Marked {
            paragraphs = List.copyOf(paragraphs);
            texts = List.copyOf(texts);
            marks = List.copyOf(marks);
        }

        /** Indexes of the paragraphs holding a mark. */
        public List<Integer> markedParagraphs() {
            List<Integer> marked = new ArrayList<>();
            for (int k = 0; k < paragraphs.size(); k++) {
                if (paragraphs.get(k).contains("<mark")) {
                    marked.add(k);
                }
            }
            return marked;
        }
    }

    public static Marked split(String raw, String html, int firstId) {
        Marked aligned = align(raw, html, firstId);
        if (aligned != null) {
            return aligned;
        }
        return new Marked(List.of(html), List.of(raw.strip()), List.of());
    }

    private static Marked align(String raw, String html, int firstId) {
        List<String> paragraphs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        boolean open = false;
        int markStart = -1;
        int i = 0; // raw index
        int j = 0; // html index
        while (i < raw.length() || j < html.length()) {
            if (html.startsWith("<mark>", j)) {
                if (open) {
                    return null;
                }
                open = true;
                markStart = i;
                current.append(firstId >= 0 ? "<mark id=\"hit-" + (firstId + marks.size()) + "\">" : "<mark>");
                j += "<mark>".length();
                continue;
            }
            if (html.startsWith("</mark>", j)) {
                if (!open) {
                    return null;
                }
                open = false;
                marks.add(new Mark(markStart, i));
                current.append("</mark>");
                j += "</mark>".length();
                continue;
            }
            if (i >= raw.length() || j >= html.length()) {
                return null;
            }
            char c = raw.charAt(i);
            String expected = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\r', '\n', '\t' -> " ";
                default -> String.valueOf(c);
            };
            if (!html.startsWith(expected, j)) {
                return null;
            }
            j += expected.length();
            i++;
            if (c == '\n') {
                if (open) {
                    current.append("</mark>");
                }
                addParagraph(paragraphs, texts, current, plain);
                current.setLength(0);
                plain.setLength(0);
                if (open) {
                    current.append("<mark>");
                }
            } else if (c == '\r') {
                continue;
            } else {
                current.append(c == '\t' ? " " : expected);
                plain.append(c == '\t' ? ' ' : c);
            }
        }
        if (open) {
            return null;
        }
        addParagraph(paragraphs, texts, current, plain);
        return new Marked(paragraphs, texts, marks);
    }

    private static void addParagraph(List<String> paragraphs, List<String> texts, StringBuilder html, StringBuilder plain) {
        String text = plain.toString().strip();
        if (!text.isEmpty()) {
            paragraphs.add(html.toString().strip());
            texts.add(text);
        }
    }
}
