package fazhi.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveHeapTest {

    @Test
    void aFullCollectionIsCountedApartFromTheOthers() {
        try (LiveHeap heap = new LiveHeap()) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[1 << 20];
            }
            assertThat(garbage[63]).hasSize(1 << 20);
            System.gc(); // a full collection with the test JVM's defaults (G1, explicit GC not disabled)
            // The notification comes from the JVM's service thread: wait for it, a while at most.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (heap.fullCollections() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(heap.fullCollections()).isPositive();
            assertThat(heap.collections()).isGreaterThanOrEqualTo(heap.fullCollections());
            assertThat(heap.maxAfterFullGc()).isPositive().isLessThanOrEqualTo(heap.maxAfterGc());
        }
    }
}
