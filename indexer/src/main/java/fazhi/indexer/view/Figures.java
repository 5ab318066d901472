package fazhi.indexer.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emphasises figures with units (6件, 614起, 99.8%, 1.2万元) in highlighted HTML passages, for benchmarking views
 * where the numbers are what a reader compares. Works on the text between tags and entities only, so it never breaks
 * the markup it is given (escaped text plus {@code <mark>} tags).
 */
public final class Figures {
    private static final Pattern TOKENS = Pattern.compile("<[^>]*>|&#?[A-Za-z0-9]+;");
    private static final Pattern FIGURE = Pattern.compile(
            "\\d+(?:[.,．]\\d+)*\\s?(?:%|％|‰|万余?元|亿余?元|余?元|万余?人次|余?人次|万余?人|余?人|万余?件|余?件|余?起|余?个|余?次|余?场|余?份|余?项|余?条|余?户|余?家|余?名|余?篇|余?期|余?天|余?小时|余?批|余?部|余?所|余?处|余?册|余?套|余?宗|余?单|余?万|亿)");

    private Figures() {
    }

    /** The HTML with each figure wrapped in {@code <strong class="fig">…</strong>}. */
    public static String emphasise(String html) {
        StringBuilder out = new StringBuilder(html.length() + 32);
        Matcher tokens = TOKENS.matcher(html);
        int pos = 0;
        while (tokens.find()) {
            text(out, html.substring(pos, tokens.start()));
            out.append(tokens.group());
            pos = tokens.end();
        }
        text(out, html.substring(pos));
        return out.toString();
    }

    private static void text(StringBuilder out, String text) {
        Matcher m = FIGURE.matcher(text);
        int pos = 0;
        while (m.find()) {
            out.append(text, pos, m.start()).append("<strong class=\"fig\">").append(m.group()).append("</strong>");
            pos = m.end();
        }
        out.append(text, pos, text.length());
    }
}
