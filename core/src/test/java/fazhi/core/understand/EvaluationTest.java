package fazhi.core.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Holds report understanding at the 95 % bar on the labelled fixtures beside this test. */
class EvaluationTest {
    static final Path FIXTURES = Path.of("src/test/resources/fazhi/core/understand");

    @Test
    void everyFieldMeetsTheBar() throws Exception {
        Evaluation.Result result = new Evaluation(Shared.UNDERSTANDING).run(FIXTURES);
        result.mismatches().forEach(System.out::println);
        assertThat(result.scores()).extracting(Evaluation.FieldScore::field)
                .containsExactly("year", "issuer", "level", "region", "code", "section kind", "decision");
        assertThat(result.scores()).filteredOn(s -> s.field().equals("year")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(60));
        assertThat(result.scores()).filteredOn(s -> s.field().equals("section kind")).allSatisfy(s -> assertThat(s.total()).isGreaterThanOrEqualTo(60));
        for (Evaluation.FieldScore score : result.scores()) {
            assertThat(score.accuracy()).as(score.field() + " accuracy (" + score.correct() + "/" + score.total() + ")")
                    .isGreaterThanOrEqualTo(Evaluation.BAR);
        }
    }
}
