package fazhi.bench.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run was measured on. */
record Machine(String cpu, int cores, long memoryBytes, String jdk, long maxHeap, String collectors, String os, double loadAverage) {
    static Machine current() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        // The collector shapes latency (its pauses) and throughput (its barriers), so a run names it.
        String collectors = String.join(" / ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, jdk, Runtime.getRuntime().maxMemory(), collectors,
                os, currentLoadAverage());
    }

    static double currentLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
