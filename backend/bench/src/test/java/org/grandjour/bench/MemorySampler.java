package org.grandjour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Where the machine's time went: the backend's resident memory (VmRSS, twice a second, the highest
 * per scenario), and the CPU seconds each process used during each scenario (backend, PostgreSQL,
 * Keycloak, this load generator), read from /proc when the scenario changes.
 */
final class MemorySampler {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final long pid;
    private final Map<String, Long> maxKbByScenario = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Double>> cpuByScenario = new ConcurrentHashMap<>();
    private volatile String scenario = "set-up";
    private Map<String, Long> cpuAtSwitch = Map.of();

    MemorySampler(long pid) {
        this.pid = pid;
    }

    void start() {
        if (pid <= 0) {
            return;
        }
        cpuAtSwitch = cpuTicks();
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

    synchronized void scenario(String name) {
        if (name.equals(scenario)) {
            return;
        }
        Map<String, Long> now = cpuTicks();
        Map<String, Double> used = new LinkedHashMap<>();
        now.forEach((process, ticks) -> used.put(process, (ticks - cpuAtSwitch.getOrDefault(process, 0L)) / TICKS_PER_SECOND));
        cpuByScenario.merge(scenario, used, (a, b) -> {
            Map<String, Double> sum = new LinkedHashMap<>(a);
            b.forEach((k, v) -> sum.merge(k, v, Double::sum));
            return sum;
        });
        cpuAtSwitch = now;
        scenario = name;
    }

    /** Highest resident memory seen during that scenario, in MB (0 when not sampled). */
    long maxMb(String name) {
        return maxKbByScenario.getOrDefault(name, 0L) / 1024;
    }

    long maxMb() {
        return maxKbByScenario.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1024;
    }

    /** CPU seconds per process during that scenario (empty when not sampled). */
    Map<String, Double> cpuSeconds(String name) {
        return cpuByScenario.getOrDefault(name, Map.of());
    }

    private Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("backend", processTicks(pid));
        ticks.put("PostgreSQL", 0L);
        ticks.put("Keycloak", 0L);
        ticks.put("Gatling", processTicks(ProcessHandle.current().pid()));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String comm = Files.readString(p.resolve("comm")).trim();
                    if (comm.equals("postgres")) {
                        ticks.merge("PostgreSQL", processTicks(Long.parseLong(p.getFileName().toString())), Long::sum);
                    } else if (comm.equals("java") && Files.readString(p.resolve("cmdline")).contains("kc.home.dir")) {
                        ticks.merge("Keycloak", processTicks(Long.parseLong(p.getFileName().toString())), Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc: no CPU figures
        }
        return ticks;
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/pid/stat). */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
