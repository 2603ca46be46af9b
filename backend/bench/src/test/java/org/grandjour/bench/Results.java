package org.grandjour.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each scenario measured, as Gatling timed it: response times per request name, outcomes by
 * type (status and problem type, or verdict), and the scenario's window from first request to last
 * answer, for throughput.
 */
final class Results {
    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    private Results() {
    }

    static synchronized Scenario scenario(String name) {
        return SCENARIOS.computeIfAbsent(name, Scenario::new);
    }

    static synchronized List<Scenario> all() {
        return new ArrayList<>(SCENARIOS.values());
    }

    static final class Scenario {
        final String name;
        private final Map<String, Samples> requests = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> unexpected = new ConcurrentHashMap<>();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong();

        Scenario(String name) {
            this.name = name;
        }

        /** One answered request: its name, its response time, and what it was ("201 claimed", "409 sold-out"...). */
        void record(String request, long responseTimeMs, String outcome) {
            long end = System.currentTimeMillis();
            firstStart.accumulateAndGet(end - responseTimeMs, Math::min);
            lastEnd.accumulateAndGet(end, Math::max);
            requests.computeIfAbsent(request, k -> new Samples()).add(responseTimeMs);
            count(outcome);
        }

        void count(String outcome) {
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        /** An answer the scenario must never get (a 5xx, no answer, a wrong verdict): reported, and fails the run. */
        void unexpected(String outcome) {
            unexpected.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        Map<String, Long> unexpected() {
            Map<String, Long> sorted = new TreeMap<>();
            unexpected.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted;
        }

        long outcome(String outcome) {
            LongAdder n = outcomes.get(outcome);
            return n == null ? 0 : n.sum();
        }

        Map<String, Long> outcomes() {
            Map<String, Long> sorted = new TreeMap<>();
            outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
            return sorted;
        }

        Map<String, Samples> requests() {
            return new TreeMap<>(requests);
        }

        double seconds() {
            return lastEnd.get() == 0 ? 0 : (lastEnd.get() - firstStart.get()) / 1000.0;
        }
    }

    /** Response times of one kind of request (milliseconds; a few hundred thousand at most). */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int count() {
            return size;
        }

        /** The value at or below which p percent of the samples lie (nearest rank). */
        synchronized long percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }

        long max() {
            return percentile(100);
        }
    }
}
