package fazhi.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrigramStartsTest {

    @Test
    void theShippedListIsExactlyTheSamplesMostFrequentBigrams() throws IOException {
        // Derived, never edited: regenerating from samples/seeds gives the shipped file, line for line.
        List<String> derived = TrigramStarts.derive(TrigramStarts.sampleTexts(Path.of("../samples/seeds")), TrigramStarts.DERIVED_COUNT);
        assertThat(TrigramStarts.shipped().bigrams()).hasSize(TrigramStarts.DERIVED_COUNT).isEqualTo(derived);
        assertThat(TrigramStarts.fileText(derived)).contains("java -cp 'app/target/lib/*' fazhi.indexer.analysis.TrigramStarts");
    }

    @Test
    void derivationCountsTheNormalisedKeyMostFrequentFirstTiesInCharOrder() {
        // Keys 法治政府法治政府, 法治ab, 法治 (punctuation and spaces dropped, full-width folded): 法治 ×4; 政府, 治政 ×2;
        // 府法, 治a, ab once — ties in char order (政 < 治; a < 府 < 治).
        List<String> texts = List.of("法治政府，法治政府。", "法治 ＡＢ", "法治");
        assertThat(TrigramStarts.derive(texts, 3)).containsExactly("法治", "政府", "治政");
        assertThat(TrigramStarts.derive(texts, 100)).containsExactly("法治", "政府", "治政", "ab", "府法", "治a");
    }

    @Test
    void containsIsExactAndFingerprintFollowsTheList() {
        TrigramStarts starts = new TrigramStarts(List.of("工作", "20"));
        assertThat(starts.contains('工', '作')).isTrue();
        assertThat(starts.contains('作', '工')).isFalse();
        assertThat(starts.contains('工', '程')).isFalse();
        assertThat(starts.contains('2', '0')).isTrue();
        assertThat(starts.contains(0x20000, '0')).isFalse();
        assertThat(starts.fingerprint()).isEqualTo(new TrigramStarts(List.of("工作", "20")).fingerprint())
                .isNotEqualTo(new TrigramStarts(List.of("工作")).fingerprint());
        assertThatThrownBy(() -> new TrigramStarts(List.of("工作站"))).isInstanceOf(IllegalArgumentException.class);
    }
}
