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
}
