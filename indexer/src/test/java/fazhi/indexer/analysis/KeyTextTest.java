package fazhi.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KeyText's per-code-point table gives exactly the key and offsets of folding every code point with TextNormalizer. */
class KeyTextTest {
    /** The definition: fold each code point, keep the key characters, each mapped to its original code point's span. */
    static List<int[]> reference(String text) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = TextNormalizer.instance().foldCodePoint(cp);
            folded.codePoints().filter(TextNormalizer::isKeyChar).forEach(f -> out.add(new int[] {0, 0, 0}));
            int k = out.size() - (int) folded.codePoints().filter(TextNormalizer::isKeyChar).count();
            for (int f : folded.codePoints().filter(TextNormalizer::isKeyChar).toArray()) {
                out.set(k++, new int[] {f, i, next});
            }
            i = next;
        }
        return out;
    }

    static void assertSame(String text) {
        KeyText key = KeyText.of(text);
        List<int[]> expected = reference(text);
        assertThat(key.length()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(new int[] {key.codePointAt(i), key.startOffset(i), key.endOffset(i)}).as("key char %d", i).containsExactly(expected.get(i));
        }
        assertThat(key.key()).isEqualTo(TextNormalizer.instance().phraseKey(text));
    }

    @Test
    void everyBmpCodePointFoldsAsTheNormalizerSays() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x10000; cp++) {
            if (!Character.isSurrogate((char) cp)) {
                all.append((char) cp);
            }
        }
        assertSame(all.toString());
    }

    @Test
    void multiCharacterFoldsSupplementaryAndLoneSurrogates() {
        assertSame("㈠法律顾问⑪２０２１年 ＡＢＣ 𠀀𠀁法律\uD800x\uDC00國務院ﬁ");
        assertSame("⑪".repeat(50)); // more key characters than text characters: the arrays grow
    }

    @Test
    void copyKeyWritesTheKeysCodePointsIncludingSupplementaryOnes() {
        KeyText key = KeyText.of("法 𠀀律");
        char[] dest = new char[8];
        int n = key.copyKey(0, 3, dest);
        assertThat(new String(dest, 0, n)).isEqualTo("法𠀀律").isEqualTo(key.key());
        n = key.copyKey(1, 2, dest);
        assertThat(new String(dest, 0, n)).isEqualTo("𠀀");
        assertThat(n).isEqualTo(2);
    }

    /** findAll's occurrences, as (start, end) pairs, checked to come in order of their starts, then sorted by end too. */
    private static List<List<Integer>> found(CharSequence text, List<String> needles) {
        List<List<Integer>> out = new ArrayList<>();
        KeyText.Phrases.of(needles.stream().map(k -> k.codePoints().toArray()).toArray(int[][]::new))
                .findAll(text, (start, end) -> out.add(List.of(start, end)));
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).get(0)).as("occurrences come in order of their starts").isGreaterThanOrEqualTo(out.get(i - 1).get(0));
        }
        out.sort(java.util.Comparator.<List<Integer>>comparingInt(r -> r.get(0)).thenComparingInt(r -> r.get(1)));
        return out;
    }

    /** The definition: every occurrence of each needle in the whole key, by String.indexOf, mapped back (duplicates kept). */
    private static List<List<Integer>> expected(String text, List<String> needles) {
        KeyText key = KeyText.of(text);
        String whole = key.key();
        List<List<Integer>> out = new ArrayList<>();
        for (String needle : needles) {
            int length = needle.codePointCount(0, needle.length());
            for (int at = whole.indexOf(needle); at >= 0; at = whole.indexOf(needle, at + Character.charCount(whole.codePointAt(at)))) {
                int first = whole.codePointCount(0, at);
                out.add(List.of(key.startOffset(first), key.endOffset(first + length - 1)));
            }
        }
        out.sort(java.util.Comparator.<List<Integer>>comparingInt(r -> r.get(0)).thenComparingInt(r -> r.get(1)));
        return out;
    }

    @Test
    void findAllFindsWhatSearchingTheWholeKeyFinds() {
        // Characters that fold to several key characters (⑪ → 11, ㈠ → 一, ﬁ → fi), to none (punctuation, spaces),
        // traditional and full-width forms, supplementary ones (a CJK compatibility ideograph folds to a BMP one)
        // and lone surrogates, mixed at random; needles cut from the text's own key, so most of them occur.
        String[] pool = {"法", "治", "國", "国", "家", "政", "府", "，", " ", "「", "」", "Ａ", "a", "A", "b", "1", "⑪", "㈠", "一",
                "ﬁ", "f", "i", "𠀀", "\uD87E\uDC00", "丽", "\uD800", "\uDC00", "\n", "〇"};
        java.util.Random random = new java.util.Random(20261123);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pool[random.nextInt(pool.length)]);
            }
            String key = KeyText.of(text).key();
            int[] cps = key.codePoints().toArray();
            List<String> needles = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                if (cps.length == 0 || random.nextInt(5) == 0) { // a needle that may well not occur
                    String any = TextNormalizer.instance().phraseKey(pool[random.nextInt(pool.length)] + pool[random.nextInt(pool.length)]);
                    needles.add(any.isEmpty() ? "治" : any);
                    continue;
                }
                int from = random.nextInt(cps.length);
                int to = Math.min(cps.length, from + 1 + random.nextInt(4));
                needles.add(new String(cps, from, to - from));
            }
            String t = text.toString();
            assertThat(found(t, needles)).as("%s in %s", needles, t).isEqualTo(expected(t, needles));
            // A char buffer over part of an array (as section texts are read): offsets relative to the buffer.
            char[] padded = ("xx" + t + "yy").toCharArray();
            assertThat(found(java.nio.CharBuffer.wrap(padded, 2, t.length()).slice(), needles)).as("sliced buffer").isEqualTo(expected(t, needles));
            assertThat(found(java.nio.CharBuffer.wrap(padded, 2, t.length()), needles)).as("buffer at a position").isEqualTo(expected(t, needles));
        }
    }
}
