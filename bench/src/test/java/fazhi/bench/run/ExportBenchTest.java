package fazhi.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExportBenchTest {

    private static ExportBench.Result run(long millis, long before, long peak, long live, long collections, long after) {
        return new ExportBench.Result("法治", 2_000, 2_000, 9_879, 6_500_000, millis, before, peak, live, collections, after);
    }

    @Test
    void threeRunsReportTheMedianTimeAndTheHeapOfAllRuns() {
        ExportBench.Result summary = ExportBench.summarize(List.of(
                run(220, 100, 500, 0, 0, 110),   // the slow run: a collection or a compile burst
                run(150, 110, 700, 260, 1, 120),
                run(170, 120, 600, 0, 0, 130)));

        assertThat(summary.millis()).isEqualTo(170);
        assertThat(summary.rowsPerSecond()).isCloseTo(9_879 * 1000.0 / 170, org.assertj.core.data.Offset.offset(0.01));
        assertThat(summary.heapBefore()).as("live before the first run").isEqualTo(100);
        assertThat(summary.heapAfter()).as("live after the last run").isEqualTo(130);
        assertThat(summary.peakHeap()).isEqualTo(700);
        assertThat(summary.liveMax()).as("the collection of the second run is not lost").isEqualTo(260);
        assertThat(summary.collections()).isEqualTo(1);
        assertThat(summary.rows()).isEqualTo(9_879);
        assertThat(summary.query()).isEqualTo("法治");
    }

    @Test
    void oneRunIsItsOwnSummary() {
        ExportBench.Result only = run(300, 100, 400, 250, 2, 105);
        assertThat(ExportBench.summarize(List.of(only))).isEqualTo(only);
    }
}
