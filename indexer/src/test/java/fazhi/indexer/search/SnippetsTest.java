package fazhi.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void marksEveryOccurrenceOnTheOriginalTextAndMergesOverlaps() {
        assertThat(Snippets.marks("民情茶室，“民情”茶室，民情茶", List.of("民情茶室", "茶室")))
                .containsExactly(new Snippets.Range(0, 4), new Snippets.Range(6, 11));
        assertThat(Snippets.whole("A&B 民情<茶>室", List.of("民情茶室")).html()).isEqualTo("A&amp;B <mark>民情&lt;茶&gt;室</mark>");
    }

    @Test
    void supplementaryCharactersKeepOffsetsAligned() {
        String text = "𠀀𠀁法律顾问𠀂法律";
        Snippets.Passage passage = Snippets.whole(text, List.of("法律"));
        assertThat(passage.html()).isEqualTo("𠀀𠀁<mark>法律</mark>顾问𠀂<mark>法律</mark>");
        assertThat(passage.text()).isEqualTo(text);
    }

    @Test
    void passageIsTheWindowWithMostMarks() {
        String text = "法律顾问" + "。".repeat(300) + "合同，合同，合同" + "。".repeat(300);
        Snippets.Passage passage = Snippets.passage(text, List.of("法律顾问", "合同"));
        assertThat(passage.html()).startsWith("…").contains("<mark>合同</mark>，<mark>合同</mark>，<mark>合同</mark>").endsWith("…");
        assertThat(passage.text()).doesNotContain("法律顾问").hasSizeLessThanOrEqualTo(Snippets.WINDOW + 2);
    }

    @Test
    void manyOccurrencesInALongTextAreAllMarked() {
        String text = "法，".repeat(100_000);
        assertThat(Snippets.marks(text, List.of("法"))).hasSize(100_000);
        assertThat(Snippets.passage(text, List.of("法")).html()).startsWith("<mark>法</mark>，<mark>法</mark>");
    }

    @Test
    void marksFoundWhileTheKeyStreamsByAreThoseOfTheWholeKey() {
        // Folding (full-width, traditional, enclosed numbers), skipped punctuation and spaces, overlapping and
        // supplementary occurrences, needles longer than the text's remainder: the marks equal every occurrence
        // found by String.indexOf on the whole key (KeyText), mapped back to the original offsets.
        String text = "法治法治法，政府 𠀀𠀀𠀀 法治政府ＡＢ法治⑪年「法 治」政府，國家法治";
        for (List<String> keys : List.of(List.of("法治"), List.of("法治法", "治"), List.of("𠀀𠀀", "府𠀀"), List.of("法治政府ab", "11年"),
                List.of("国家法治", "家法"), List.of("治法治法治", "不在"), List.of("法治", "法治"))) {
            fazhi.indexer.analysis.KeyText key = fazhi.indexer.analysis.KeyText.of(text);
            List<Snippets.Range> expected = new java.util.ArrayList<>();
            String keyString = key.key();
            for (String k : keys) {
                int length = k.codePointCount(0, k.length());
                for (int at = keyString.indexOf(k); at >= 0; at = keyString.indexOf(k, at + Character.charCount(keyString.codePointAt(at)))) {
                    int first = keyString.codePointCount(0, at);
                    expected.add(new Snippets.Range(key.startOffset(first), key.endOffset(first + length - 1)));
                }
            }
            expected.sort(java.util.Comparator.comparingInt(Snippets.Range::start).thenComparingInt(Snippets.Range::end));
            List<Snippets.Range> merged = new java.util.ArrayList<>();
            for (Snippets.Range r : expected) {
                if (!merged.isEmpty() && r.start() <= merged.getLast().end()) {
                    Snippets.Range last = merged.removeLast();
                    merged.add(new Snippets.Range(last.start(), Math.max(last.end(), r.end())));
                } else {
                    merged.add(r);
                }
            }
            assertThat(Snippets.marks(text, keys)).as(keys.toString()).isEqualTo(merged);
            assertThat(Snippets.marks(java.nio.CharBuffer.wrap(text.toCharArray()), keys)).as("as a char buffer").isEqualTo(merged);
        }
        assertThat(Snippets.marks(text, List.of("国家"))).as("a traditional original marked for its simplified key").containsExactly(new Snippets.Range(text.indexOf("國家"), text.indexOf("國家") + 2));
        assertThat(Snippets.marks(text, List.of(""))).isEmpty();
    }
}
