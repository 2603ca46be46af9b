package org.grandjour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The Markdown summary: one table per scenario, its throughput beside pgbench's, and the invariants. */
final class Summary {
    /**
     * One scenario's section. {@code units} is what throughput counts (tickets, scans, requests) and
     * {@code pgbenchKey} names the pgbench figure of the same SQL work, if there is one.
     */
    record Section(String title, String description, Results.Scenario results, String unit, long units,
                   String pgbenchKey, String target, String checksKey) {
    }

    private Summary() {
    }

    static String render(Bench bench, List<Section> sections, String machine) {
        StringBuilder md = new StringBuilder();
        BenchConfig c = bench.config;
        md.append("## Latest run (").append(c.scale()).append(" scale): ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append("\n\n");
        md.append(machine).append("\n\n");
        md.append("Backend resident memory (VmRSS, sampled every 0.5 s): highest **")
                .append(bench.memory.maxMb()).append(" MB** (target ≤ 400 MB).\n");
        if (!bench.pgbench.isEmpty()) {
            md.append("pgbench in the same run (").append(bench.pgbench.getOrDefault("clients", 0L)).append(" clients): ");
            md.append(String.join(", ", bench.pgbench.entrySet().stream().filter(e -> !e.getKey().equals("clients"))
                    .map(e -> e.getKey() + " " + String.format("%,d", e.getValue()) + " TPS").toList())).append(".\n");
        }
        for (Section s : sections) {
            md.append("\n### ").append(s.title()).append("\n\n").append(s.description()).append("\n\n");
            md.append("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            s.results().requests().forEach((name, samples) -> md.append("| ").append(name).append(" | ")
                    .append(String.format("%,d", samples.count())).append(" | ").append(samples.percentile(50)).append(" | ")
                    .append(samples.percentile(95)).append(" | ").append(samples.percentile(99)).append(" | ")
                    .append(samples.max()).append(" |\n"));
            double seconds = s.results().seconds();
            double perSecond = seconds == 0 ? 0 : s.units() / seconds;
            md.append("\n**Throughput: ").append(String.format("%,.0f", perSecond)).append(' ').append(s.unit()).append("/s** (")
                    .append(String.format("%,d", s.units())).append(" in ").append(String.format("%.1f", seconds)).append(" s)");
            Long yardstick = s.pgbenchKey() == null ? null : bench.pgbench.get(s.pgbenchKey());
            if (yardstick != null && yardstick > 0) {
                md.append("; pgbench `").append(s.pgbenchKey()).append("`: ").append(String.format("%,d", yardstick))
                        .append(" TPS; **ratio ").append(String.format("%.0f%%", 100 * perSecond / yardstick)).append("**");
            }
            md.append(". Target: ").append(s.target()).append(". Backend memory: ")
                    .append(bench.memory.maxMb(s.results().name)).append(" MB.\n\n");
            Map<String, Double> cpu = bench.memory.cpuSeconds(s.results().name);
            if (!cpu.isEmpty() && s.units() > 0) {
                md.append("CPU used during the scenario (2 cores × its length = ")
                        .append(String.format("%.0f", Runtime.getRuntime().availableProcessors() * seconds)).append(" s): ")
                        .append(String.join(", ", cpu.entrySet().stream().map(e -> String.format("%s %.1f s (%.2f ms per %s)",
                                e.getKey(), e.getValue(), 1000 * e.getValue() / s.units(), singular(s.unit()))).toList()))
                        .append(".\n\n");
            }
            md.append("Outcomes: ").append(String.join(", ", s.results().outcomes().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).toList())).append(".\n\n");
            if (!s.results().unexpected().isEmpty()) {
                md.append("**Unexpected answers**: ").append(String.join(", ", s.results().unexpected().entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).toList())).append(".\n\n");
            }
            List<Database.Verdict> verdicts = bench.checks.get(s.checksKey());
            if (verdicts == null) {
                md.append("Invariants: **not checked** (the scenario did not finish).\n");
            } else {
                List<Database.Verdict> failed = verdicts.stream().filter(v -> !v.ok()).toList();
                md.append("Invariants after it: ").append(failed.isEmpty()
                        ? "all " + verdicts.size() + " hold."
                        : "**VIOLATED**: " + String.join("; ", failed.stream()
                                .map(v -> v.check() + " (" + v.violations() + (v.expected() != 0 || v.actual() != 0
                                        ? ", expected " + v.expected() + ", found " + v.actual() : " rows") + ")").toList()) + ".").append('\n');
            }
        }
        md.append("\nThe invariants, checked from SQL: ").append(String.join("; ", bench.checks.values().stream()
                .flatMap(List::stream).map(Database.Verdict::check).distinct().toList())).append(".\n");
        return md.toString();
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    static void write(Path file, String markdown) {
        try {
            Files.writeString(file, markdown);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String machine(Map<String, String> facts) {
        return "Machine: " + facts.getOrDefault("cpu", "?") + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + facts.getOrDefault("memory", "?") + " RAM; " + facts.getOrDefault("postgres", "PostgreSQL")
                + "; Java " + System.getProperty("java.version")
                + ". PostgreSQL, Keycloak, the backend and the load generator (Gatling) all share this machine.";
    }
}
