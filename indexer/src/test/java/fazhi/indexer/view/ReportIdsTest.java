package fazhi.indexer.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fazhi.core.BadInputException;
import org.junit.jupiter.api.Test;

class ReportIdsTest {
    @Test
    void acceptsIdsAndRejectsPathsAndOddCharacters() {
        assertThat(ReportIds.validate("2bc95b40d77c7069")).isEqualTo("2bc95b40d77c7069");
        assertThat(ReportIds.validate("fx-tongjing_2021.v2")).isEqualTo("fx-tongjing_2021.v2");
        for (String bad : new String[] {"../etc/passwd", "..", "a/b", "统景镇", "", ".hidden", "a b", "x".repeat(200)}) {
            assertThatThrownBy(() -> ReportIds.validate(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .satisfies(e -> assertThat(((BadInputException) e).httpStatus()).isEqualTo(400));
        }
    }
}
