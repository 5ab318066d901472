package fazhi.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the bench stops warming up: not before eight mixes, and only once latency has stopped falling. */
class WarmUpTest {
    @Test
    void neverBeforeTheMinimum() {
        assertThat(Bench.settled(new double[] {2, 2, 2, 2, 2, 2, 2})).isFalse();
    }

    @Test
    void notWhileTheMedianKeepsFalling() {
        // The 10k corpus measured in a row: the last four mixes' median 1.44 ms, 13 % below the four before (1.65).
        assertThat(Bench.settled(new double[] {1.95, 1.80, 1.63, 1.51, 1.81, 1.74, 1.47, 1.32, 1.54, 1.24, 1.66, 1.35})).isFalse();
    }

    @Test
    void onceItHasStopped() {
        // The 100k corpus measured in a row: after twelve mixes still falling (median 3.48 against 4.23 ms), after
        // sixteen not any more (3.80 against 3.48).
        double[] measured = {6.52, 6.74, 4.58, 3.32, 4.33, 3.26, 4.19, 4.27, 3.24, 4.41, 3.08, 3.71, 3.58, 5.36, 4.02, 2.84};
        assertThat(Bench.settled(java.util.Arrays.copyOf(measured, 12))).isFalse();
        assertThat(Bench.settled(measured)).isTrue();
        // A single slow mix among the last four does not keep it going; the median of four absorbs it.
        assertThat(Bench.settled(new double[] {9, 9, 9, 9, 5, 5, 5, 5, 5, 9, 5, 5})).isTrue();
    }

    @Test
    void jitQuietOnlyWhenTheCompilersTookAFifthOfTheMixOrLess() {
        // Rounds over HTTP on the 100k index right after the warm-up the bench used to stop at: 2,008 ms of
        // compiling in a 1,722 ms round; after about 4,000 more queries 163-344 ms in rounds of about a second.
        assertThat(Bench.jitQuiet(2008 / 1722.0)).isFalse();
        assertThat(Bench.jitQuiet(344 / 1037.0)).isFalse();
        assertThat(Bench.jitQuiet(163 / 1157.0)).isTrue();
        assertThat(Bench.jitQuiet(0)).isTrue();
        assertThat(Bench.jitQuiet(-1)).as("not measurable: latency alone decides").isTrue();
    }
}
