package org.grandjour.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, a free port), so a test can
 * stop and restart "the database" without disturbing anyone else using the machine's PostgreSQL.
 * Uses the machine's PostgreSQL binaries; as root, runs them as the postgres user (initdb refuses root).
 */
public class PrivatePostgres implements QuarkusTestResourceLifecycleManager {
    private static Path dir;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            dir = Files.createTempDirectory("gj-private-pg");
            run(bin("initdb"), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            startServer();
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kills the server as a crash would (immediate shutdown: no checkpoint, every connection cut). */
    public static void crash() throws IOException {
        run(bin("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    public static void startServer() throws IOException {
        run(bin("pg_ctl"), "-D", dir.resolve("data").toString(), "-w", "-t", "120", "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    @Override
    public void stop() {
        try {
            run(bin("pg_ctl"), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException stoppedAlready) {
            // the test may have left it down
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }

    private static String bin(String name) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IOException("no PostgreSQL " + name + " under /usr/lib/postgresql"))
                    .toString();
        }
    }

    private static void run(String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            dir.toFile().setWritable(true, false);
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", line) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
