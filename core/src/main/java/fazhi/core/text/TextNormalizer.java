package fazhi.core.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one place where text is normalised for search (domain.md §1, design.md "Query language").
 *
 * <p>Folding is defined per code point so that every folded character can be traced back to its offset in the
 * original text (the indexer needs that for highlighting): NFKC (full-width → half-width, compatibility forms),
 * traditional → simplified (ICU's Traditional-Simplified transform), then lower case. The <em>phrase key</em> keeps
 * only letters and digits of the folded text, so 七五普法 equals “七五”普法 and spaces inside 2021 年 vanish.
 * Display text is never replaced by either form.
 *
 * <p>The fold of every BMP code point is computed once (ICU is too slow to call per character at indexing time)
 * and shared; the table is immutable after construction.
 */
public final class TextNormalizer {
    private static final TextNormalizer INSTANCE = new TextNormalizer();

    /** fold[cp] for the BMP: null = the code point folds to itself (after lower-casing) and is kept as is. */
    private final String[] fold = new String[0x10000];

    private TextNormalizer() {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String original = String.valueOf((char) cp);
            String folded = Normalizer.normalize(original, Normalizer.Form.NFKC);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || !folded.equals(original)) {
                folded = toSimplified.transliterate(folded);
            }
            folded = folded.toLowerCase(Locale.ROOT);
            if (!folded.equals(original)) {
                fold[cp] = folded;
            }
        }
    }

    public static TextNormalizer instance() {
        return INSTANCE;
    }

    /** The folded form of one code point (may be empty or longer than one char, e.g. ㈠ → (一)). */
    public String foldCodePoint(int codePoint) {
        if (codePoint < 0x10000) {
            String folded = fold[codePoint];
            return folded != null ? folded : String.valueOf((char) codePoint);
        }
        return Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** NFKC + simplified + lower case; punctuation and spacing kept. */
    public String searchForm(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(foldCodePoint(cp)));
        return out.toString();
    }

    /** The search form reduced to letters and digits: what phrase matching compares. */
    public String phraseKey(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> appendKeyChars(foldCodePoint(cp), out));
        return out.toString();
    }

    /** True when a folded code point contributes to the phrase key. */
    public static boolean isKeyChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    private static void appendKeyChars(String folded, StringBuilder out) {
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (isKeyChar(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
    }
}
