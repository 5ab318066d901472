package fazhi.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Exact token assertions (term[start,end]+posInc) for both analyzers, with the dictionaries as shipped. */
class AnalysisTest {
    private static final Analyzer RANKING = Analyzers.ranking(UserDictionary.shipped());
    private static final Analyzer KEY = Analyzers.keyGrams();

    /** Tokens as "term[start,end]" (and "+0" when stacked on the previous position). */
    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "[" + offset.startOffset() + "," + offset.endOffset() + "]" + (inc.getPositionIncrement() == 0 ? "+0" : ""));
            }
            ts.end();
        }
        return out;
    }

    @Test
    void plainSmartcnSplitsDomainTermsWhichIsWhyTheDictionaryExists() throws IOException {
        try (Analyzer smartcn = new SmartChineseAnalyzer()) {
            assertThat(tokens(smartcn, "探索“民情茶室”")).containsExactly("探索[0,2]", "民情[3,5]", "茶室[5,7]");
            assertThat(tokens(smartcn, "深化放管服改革")).containsExactly("深化[0,2]", "放[2,3]", "管[3,4]", "服[4,5]", "改革[5,7]");
        }
    }

    @Test
    void userDictionaryTermsBecomeSingleTokens() throws IOException {
        assertThat(tokens(RANKING, "下沉式探索“民情茶室”法治建设点"))
                .containsExactly("下沉[0,2]", "式[2,3]", "探索[3,5]", "民情茶室[6,10]", "法治建设[11,15]", "点[15,16]");
        assertThat(tokens(RANKING, "深化放管服改革推进一网通办"))
                .containsExactly("深化[0,2]", "放管服[2,5]", "改革[5,7]", "推进[7,9]", "一网通办[9,13]");
        assertThat(tokens(RANKING, "落实三项制度和双随机一公开"))
                .containsExactly("落实[0,2]", "三项制度[2,6]", "和[6,7]", "双随机一公开[7,13]");
        assertThat(tokens(RANKING, "坚持发展新时代枫桥经验")).endsWith("新时代枫桥经验[4,11]");
        // Longest match wins, and smartcn's own cut inside 法律顾问团队 no longer hides 法律顾问.
        assertThat(tokens(RANKING, "聘请法律顾问团队")).containsExactly("聘请[0,2]", "法律顾问[2,6]", "团队[6,8]");
    }

    @Test
    void dictionaryMatchesTraditionalScriptAndKeepsOriginalOffsets() throws IOException {
        assertThat(tokens(RANKING, "推進一網通辦")).endsWith("一网通办[2,6]");
    }

    @Test
    void longestMatchAtFindsTheLongestWordStartingThereOrNothing() {
        UserDictionary dictionary = new UserDictionary(List.of("法律顾问", "法律顾问团", "放管服", "一网通办"));
        String text = "聘请法律顾问团队推行放管服一网通";
        assertThat(dictionary.longestMatchAt(text, 2)).isEqualTo(5); // 法律顾问团, not 法律顾问
        assertThat(dictionary.longestMatchAt(text, 3)).isZero();
        assertThat(dictionary.longestMatchAt(text, 10)).isEqualTo(3);
        assertThat(dictionary.longestMatchAt(text, 13)).as("一网通 at the end: the word does not fit").isZero();
        assertThat(dictionary.longestMatchAt(text, text.length() - 1)).isZero();
        assertThat(dictionary.longestMatchAt("法", 0)).isZero();
    }

    @Test
    void shippedDictionaryHoldsTheDomainTerms() {
        assertThat(UserDictionary.shipped().words())
                .contains("民情茶室", "放管服", "一网通办", "三项制度", "枫桥经验", "双随机一公开", "易家小院");
    }

    @Test
    void shippedSynonymsExpandTheThreeSystems() {
        Synonyms synonyms = Synonyms.shipped();
        assertThat(synonyms.expand("三项制度")).containsExactly("行政执法公示制度", "执法全过程记录制度", "重大执法决定法制审核制度");
        assertThat(synonyms.expand("“三项 制度”")).isEqualTo(synonyms.expand("三项制度"));
        assertThat(synonyms.expand("放管服")).contains("简政放权");
        assertThat(synonyms.expand("简政放权")).contains("放管服");
        assertThat(synonyms.expand("民情茶室")).isEmpty();
    }

    @Test
    void keyGramsAreUnigramsWithStackedBigramsAndTrigramsAfterFrequentBigramsOverTheNormalisedKey() throws IOException {
        // 七五, 五普 are not trigram starts; 普法 is, but no third char follows it.
        assertThat(TrigramStarts.shipped().contains('七', '五')).isFalse();
        assertThat(TrigramStarts.shipped().contains('普', '法')).isTrue();
        assertThat(tokens(KEY, "“七五”普法")).containsExactly(
                "七[1,2]", "七五[1,3]+0", "五[2,3]", "五普[2,5]+0", "普[4,5]", "普法[4,6]+0", "法[5,6]");
        // Traditional → simplified, full-width → ASCII, case folded; offsets still point at the original chars.
        // 法律, 律顾, 顾问 are trigram starts (frequent in the samples); 问p, pd are not.
        assertThat(tokens(KEY, "法律顧問 ＰＤＦ")).containsExactly(
                "法[0,1]", "法律[0,2]+0", "法律顾[0,3]+0", "律[1,2]", "律顾[1,3]+0", "律顾问[1,4]+0",
                "顾[2,3]", "顾问[2,4]+0", "顾问p[2,6]+0", "问[3,4]", "问p[3,6]+0",
                "p[5,6]", "pd[5,7]+0", "d[6,7]", "df[6,8]+0", "f[7,8]");
        assertThat(tokens(KEY, "“")).isEmpty();
        assertThat(tokens(KEY, "办")).containsExactly("办[0,1]");
    }

    @Test
    void keyTextMapsEveryKeyCharBackToTheOriginal() {
        KeyText key = KeyText.of("一、2021 年“民情茶室”");
        assertThat(key.key()).isEqualTo("一2021年民情茶室");
        assertThat(key.startOffset(6)).isEqualTo(9);
        assertThat(key.endOffset(9)).isEqualTo(13);
        // A character that folds to several (㈠ → (一)) maps each key char to the whole original char.
        KeyText enclosed = KeyText.of("㈠组织");
        assertThat(enclosed.key()).isEqualTo("一组织");
        assertThat(enclosed.startOffset(0)).isZero();
        assertThat(enclosed.endOffset(0)).isEqualTo(1);
    }
}
