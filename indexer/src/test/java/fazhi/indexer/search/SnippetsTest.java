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
}
