package fazhi.indexer.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedTextTest {
    @Test
    void restoresParagraphsAndLocatesMarksInTheRawText() {
        String raw = "聘请法律顾问1名。\n法律顾问审查合同6件。\n\n其他工作。";
        String html = "聘请<mark>法律顾问</mark>1名。 <mark>法律顾问</mark>审查合同6件。  其他工作。";
        MarkedText.Marked marked = MarkedText.split(raw, html, 1);
        assertThat(marked.paragraphs()).containsExactly("聘请<mark id=\"hit-1\">法律顾问</mark>1名。",
                "<mark id=\"hit-2\">法律顾问</mark>审查合同6件。", "其他工作。");
        assertThat(marked.texts()).containsExactly("聘请法律顾问1名。", "法律顾问审查合同6件。", "其他工作。");
        assertThat(marked.marks()).extracting(m -> raw.substring(m.start(), m.end())).containsExactly("法律顾问", "法律顾问");
        assertThat(marked.markedParagraphs()).containsExactly(0, 1);
    }

    @Test
    void keepsEscapesAndSplitsAMarkThatSpansALineBreak() {
        String raw = "<script>&\"'\n下一段";
        String html = "&lt;script&gt;&amp;&quot;<mark>&#39; 下</mark>一段";
        MarkedText.Marked marked = MarkedText.split(raw, html, -1);
        assertThat(marked.paragraphs()).containsExactly("&lt;script&gt;&amp;&quot;<mark>&#39;</mark>", "<mark>下</mark>一段");
        assertThat(marked.texts()).containsExactly("<script>&\"'", "下一段");
    }

    @Test
    void fallsBackToOneParagraphWhenTheFormatsDisagree() {
        MarkedText.Marked marked = MarkedText.split("原文", "<b>别的</b>", 1);
        assertThat(marked.paragraphs()).isEqualTo(List.of("<b>别的</b>"));
        assertThat(marked.marks()).isEmpty();
    }
}
