package fazhi.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import fazhi.core.model.Report;
import fazhi.core.model.Section;
import fazhi.indexer.TestCorpora;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** {@link SmartcnTokenizer} against smartcn's own {@link HMMChineseTokenizer}, token by token. */
class SmartcnTokenizerTest {
    private final Tokenizer smartcn = new HMMChineseTokenizer();
    private final Tokenizer ours = new SmartcnTokenizer();

    /** Every token as term|start|end|type, then the final offset. */
    private static List<String> tokens(Tokenizer tokenizer, String text) throws IOException {
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
        TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
        List<String> out = new ArrayList<>();
        tokenizer.setReader(new StringReader(text));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
            out.add(term + "|" + offset.startOffset() + "|" + offset.endOffset() + "|" + type.type());
        }
        tokenizer.end();
        out.add("end|" + offset.endOffset());
        tokenizer.close();
        return out;
    }

    private void assertSameTokens(String text) throws IOException {
        assertThat(tokens(ours, text)).as("tokens of %s", text).isEqualTo(tokens(smartcn, text));
    }

    @Test
    void sameTokensAsSmartcnOnEveryTextOfTheSampleReports() throws IOException {
        int tokens = 0;
        for (Report report : TestCorpora.sample()) {
            if (report.title() != null) {
                assertSameTokens(report.title());
            }
            for (Section section : report.sections()) {
                if (section.heading() != null) {
                    assertSameTokens(section.heading());
                }
                assertSameTokens(section.text());
                tokens += tokens(smartcn, section.text()).size();
            }
        }
        assertThat(tokens).as("the sample is real text, not a handful of words").isGreaterThan(20_000);
    }

    @Test
    void sameTokensOnLettersDigitsFullWidthSpacesPunctuationAndSurrogates() throws IOException {
        for (String text : List.of("", " ", "　\n\t", "中 国人民", "法律 顾问团队", "2024年ＡＢＣ公司abc-XYZ１２３号",
                "第①条㈠Ⅱ款…", "\uD842\uDFB7野家\uD842", "\uDFB7尾", "《中华人民共和国行政处罚法》（2021年修订）",
                "e-mail：abc@gov.cn，电话12345", "１２３ＡＢＣｄｅｆ", "A", "9", "。", "始##始末##末未##串")) {
            assertSameTokens(text);
        }
    }

    @Test
    void sameTokensOnRandomMixturesOfTheSampleCharsAndEveryKindOfChar() throws IOException {
        StringBuilder chars = new StringBuilder(" \t\n　abcXYZ０１２ＡＢｃ123，。、；：“”（）《》!?.-_/@#％%①㈠Ⅱ\uD842\uDFB7\uD842");
        for (Report report : TestCorpora.sample()) {
            chars.append(report.sections().get(0).text(), 0, Math.min(400, report.sections().get(0).text().length()));
        }
        Random random = new Random(20261122);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(80);
            for (int k = 0; k < length; k++) {
                int pick = random.nextInt(20);
                if (pick == 0) {
                    text.append((char) random.nextInt(Character.MAX_VALUE + 1)); // any char, lone surrogates too
                } else if (pick < 4) {
                    text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00 + 1))); // any Hanzi
                } else {
                    text.append(chars.charAt(random.nextInt(chars.length())));
                }
            }
            assertSameTokens(text.toString());
        }
    }

    @Test
    void smartcnChainOnOurTokenizerIsSmartChineseAnalyzer() throws IOException {
        try (Analyzer smartChineseAnalyzer = new SmartChineseAnalyzer(); Analyzer ours = Analyzers.smartcn()) {
            for (Report report : TestCorpora.sample()) {
                String text = report.sections().get(1).text();
                List<String> expected = AnalysisTest.tokens(smartChineseAnalyzer, text);
                assertThat(expected).hasSizeGreaterThan(50);
                assertThat(AnalysisTest.tokens(ours, text)).isEqualTo(expected);
            }
            String mixed = "Ｅ-mail：ABC@gov.cn，running 2024年“民情茶室”！";
            assertThat(AnalysisTest.tokens(ours, mixed)).isEqualTo(AnalysisTest.tokens(smartChineseAnalyzer, mixed))
                    .contains("run[18,25]"); // Porter stemming and the stop set of punctuation, as smartcn's chain
        }
    }

    @Test
    void reusedAcrossTextsLongAndShort() throws IOException {
        // Buffers grow for a long sentence and are reused for short ones; SegmentingTokenizerBase reads 4k chunks.
        String longSentence = "依法行政".repeat(3_000);
        assertSameTokens(longSentence);
        assertSameTokens("法治");
        assertSameTokens(longSentence + "。" + "法律顾问".repeat(50));
    }
}
