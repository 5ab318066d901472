package fazhi.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer normalizer = TextNormalizer.instance();

    @Test
    void phraseKeyIgnoresPunctuationAndSpaces() {
        assertThat(normalizer.phraseKey("“七五”普法")).isEqualTo(normalizer.phraseKey("七五普法")).isEqualTo("七五普法");
        assertThat(normalizer.phraseKey("2021 年")).isEqualTo("2021年");
    }

    @Test
    void foldsFullWidthTraditionalAndCase() {
        assertThat(normalizer.phraseKey("２０２１年")).isEqualTo("2021年");
        assertThat(normalizer.phraseKey("法治政府建設年度報告")).isEqualTo("法治政府建设年度报告");
        assertThat(normalizer.phraseKey("ＰＤＦ Word")).isEqualTo("pdfword");
        assertThat(normalizer.searchForm("（一）")).isEqualTo("(一)");
    }
}
