package org.grandjour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The backend's resident memory (VmRSS), sampled twice a second; the highest per scenario. */
final class MemorySampler {
    private final long pid;
    private final Map<String, Long> maxKbByScenario = new ConcurrentHashMap<>();
    private volatile String scenario = "set-up";

    MemorySampler(long pid) {
        this.pid = pid;
    }

    void start() {
        if (pid <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            while (true) {
                long kb = rssKb();
                if (kb > 0) {
                    maxKbByScenario.merge(scenario, kb, Math::max);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
    }

    void scenario(String name) {
        scenario = name;
    }

    /** Highest resident memory seen during that scenario, in MB (0 when not sampled). */
    long maxMb(String name) {
        return maxKbByScenario.getOrDefault(name, 0L) / 1024;
    }

    long maxMb() {
        return maxKbByScenario.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024;
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
