package fazhi.bench.run;

import org.HdrHistogram.Histogram;

/** Latencies in nanoseconds (HdrHistogram, 3 significant digits), read out in milliseconds. */
final class Latencies {
    private final Histogram histogram = new Histogram(3_600_000_000_000L, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double percentileMillis(double p) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e6;
    }

    synchronized double meanMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMean() / 1e6;
    }

    synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
