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
    void jitQuietOnlyWhenTheCompilersTookAtMostATenthOfTheWindow() {
        // Rounds in process on the 100k index, compiler ms and wall ms: still compiling ...
        assertThat(Bench.jitQuiet(new long[] {1060, 761, 660, 453}, new long[] {1200, 1100, 1170, 897}, 4)).isFalse();
        // ... one quiet mix after busy ones is not enough (compiling comes in bursts) ...
        assertThat(Bench.jitQuiet(new long[] {850, 90, 140, 10}, new long[] {1000, 1000, 1000, 1000}, 4)).isFalse();
        // ... four quiet ones are, even with one burst among them ...
        assertThat(Bench.jitQuiet(new long[] {24, 151, 69, 48}, new long[] {868, 1002, 858, 966}, 4)).isTrue();
        // ... and fewer mixes than the window never are.
        assertThat(Bench.jitQuiet(new long[] {0, 0, 0}, new long[] {900, 900, 900}, 4)).isFalse();
        assertThat(Bench.jitQuiet(new long[] {-1, -1, -1, -1}, new long[] {900, 900, 900, 900}, 4)).as("not measurable: latency alone decides").isTrue();
    }

    @Test
    void atTheMeasuredConcurrencyFourQuietMixesAreNotEnough() {
        // The one-JVM harness on the 100k index, 16 clients over HTTP, mixes 35–42 (compiler ms, wall ms): the last four
        // compiled for 8 % of their time, the eight for 19 %; the next two mixes then compiled for 22 % and 47 %.
        long[] jit = {213, 152, 136, 263, 95, 41, 49, 15};
        long[] wall = {709, 583, 605, 672, 715, 655, 596, 599};
        assertThat(Bench.jitQuiet(jit, wall, 4)).isTrue();
        assertThat(Bench.jitQuiet(jit, wall, Bench.CONCURRENT_QUIET_MIXES)).isFalse();
        // The one-JVM harness at 16 clients, mixes 88–95: quiet over eight.
        assertThat(Bench.jitQuiet(new long[] {0, 3, 80, 14, 3, 37, 0, 16}, new long[] {485, 483, 527, 475, 475, 477, 519, 526},
                Bench.CONCURRENT_QUIET_MIXES)).isTrue();
    }

    @Test
    void warmUpMixesNeverRepeatAMeasuredQueryAndKeepTheSampledOnesFirst() {
        java.util.function.Function<String, BenchQuery> q = text -> new BenchQuery(BenchQuery.Kind.PHRASE,
                fazhi.indexer.search.SearchRequest.of(text), text);
        java.util.List<String> measured = java.util.List.of("法治", "政府", "调解", "顾问", "执法检查", "行政复议", "民情", "矛盾", "纠纷", "法律");
        assertThat(measured).hasSize(Bench.MEASURED_MIXES);
        java.util.List<java.util.List<BenchQuery>> sampled = new java.util.ArrayList<>();
        measured.forEach(text -> sampled.add(java.util.List.of(q.apply(text))));
        sampled.add(java.util.List.of(q.apply("茶室")));
        sampled.add(java.util.List.of());
        java.util.List<java.util.List<BenchQuery>> more = java.util.List.of(
                java.util.List.of(q.apply("法治"), q.apply("执法"), q.apply("纠纷")), java.util.List.of(q.apply("茶室")), java.util.List.of(q.apply("复议")));
        java.util.List<java.util.List<BenchQuery>> warmUp = Bench.warmUpMixes(sampled, more);
        assertThat(warmUp).extracting(mix -> mix.stream().map(BenchQuery::phraseKey).toList())
                .containsExactly(java.util.List.of("茶室"), java.util.List.of("执法"), java.util.List.of("复议"));
    }
}
