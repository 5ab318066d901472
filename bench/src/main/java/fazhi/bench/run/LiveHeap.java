package fazhi.bench.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap in use right after any garbage collection while open, as opposed to the pools' peak usage, which
 * also counts garbage the collector had not yet reclaimed. A flat figure across result sizes means the work streams.
 * After a young collection the old generation still holds whatever died there since the last old collection (the
 * parallel collector leaves it until the old generation is full), so the figure after full collections, which
 * reclaim everything unreachable, is kept apart: that one is what stayed reachable.
 */
final class LiveHeap implements AutoCloseable {
    /** The action HotSpot's collectors report for a collection of the whole heap (PS MarkSweep, G1's full GC). */
    private static final String FULL_COLLECTION = "end of major GC";

    /**
     * The figures so far: the largest heap after any collection and after full collections (0 when none happened),
     * and how many of each.
     */
    record Collected(long maxAfterAny, long collections, long maxAfterFull, long fullCollections) {
    }

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong maxAfterFullGc = new AtomicLong();
    private final AtomicLong fullCollections = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    LiveHeap() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        long u = used;
        maxAfterGc.accumulateAndGet(u, Math::max);
        collections.incrementAndGet();
        if (FULL_COLLECTION.equals(info.getGcAction())) {
            maxAfterFullGc.accumulateAndGet(u, Math::max);
            fullCollections.incrementAndGet();
        }
    }

    Collected snapshot() {
        return new Collected(maxAfterGc(), collections(), maxAfterFullGc(), fullCollections());
    }

    /** Largest heap after a full collection so far (0 when none happened). */
    long maxAfterFullGc() {
        return maxAfterFullGc.get();
    }

    long fullCollections() {
        return fullCollections.get();
    }

    /** Largest heap after a collection so far (0 when no collection happened). */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    long collections() {
        return collections.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException("GC listener vanished", e);
            }
        }
    }
}
