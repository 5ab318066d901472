package fazhi.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds report understanding at the 95 % bar on the labelled fixtures beside this test (written together with the
 * rules) and at 90 % on the held-out sets (written without tuning the rules to them).
 */
class EvaluationTest {
    static final Path FIXTURES = Path.of("src/test/resources/fazhi/core/understand");
    static final List<String> FIELDS = List.of("year", "issuer", "level", "region", "code", "section kind", "decision");

    @Test
    void everyFieldMeetsTheBar() throws Exception {
        Evaluation.Result result = new Evaluation(Shared.UNDERSTANDING).run(FIXTURES);
        result.mismatches().forEach(System.out::println);
        assertThat(result.scores()).extracting(Evaluation.FieldScore::field).containsExactlyElementsOf(FIELDS);
        assertThat(result.scores()).filteredOn(s -> s.field().equals("year")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(60));
        assertThat(result.scores()).filteredOn(s -> s.field().equals("section kind")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(60));
        assertMeets(result, Evaluation.BAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"holdout", "holdout2"})
    void heldOutSetsMeetTheirBar(String folder) throws Exception {
        Evaluation.Result result = new Evaluation(Shared.UNDERSTANDING).run(FIXTURES.resolve(folder));
        result.mismatches().forEach(m -> System.out.println(folder + ": " + m));
        assertThat(result.scores()).extracting(Evaluation.FieldScore::field).containsExactlyElementsOf(FIELDS);
        assertThat(result.scores()).filteredOn(s -> s.field().equals("year")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(25));
        assertThat(result.scores()).filteredOn(s -> s.field().equals("section kind")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(20));
        assertThat(result.scores()).filteredOn(s -> s.field().equals("decision")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(20));
        assertMeets(result, Evaluation.HOLDOUT_BAR);
    }

    private static void assertMeets(Evaluation.Result result, double bar) {
        for (Evaluation.FieldScore score : result.scores()) {
            assertThat(score.accuracy()).as(score.field() + " accuracy (" + score.correct() + "/" + score.total() + ")")
                    .isGreaterThanOrEqualTo(bar);
        }
        assertThat(result.meetsBar(bar)).isTrue();
    }
}
