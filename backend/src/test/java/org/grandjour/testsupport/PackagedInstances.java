package org.grandjour.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged application (target/quarkus-app, made by `package`) started as real processes on a
 * database of the test's own, as the *IT tests need it: each instance on its API port, its management
 * interface (health) on that port + 1000 as the stack scripts give it, its output in target/. Runs in
 * the build's folder with the AppCDS archive when there is one (the JVM ignores it if it does not fit).
 */
public final class PackagedInstances implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String database;
    private final String logPrefix;
    private final List<Process> processes = new ArrayList<>();

    /** Instances on this database (dropped and created anew), their logs in target/&lt;logPrefix&gt;-&lt;port&gt;.log. */
    public PackagedInstances(String database, String logPrefix) throws SQLException {
        this.database = database;
        this.logPrefix = logPrefix;
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute("drop database if exists " + database + " with (force)");
            c.createStatement().execute("create database " + database);
        }
    }

    /** Same rule as the stack scripts: the management interface on the API port + 1000. */
    public static int managementPort(int apiPort) {
        return apiPort + 1000;
    }

    public Path log(int apiPort) {
        return Path.of("target", logPrefix + "-" + apiPort + ".log").toAbsolutePath();
    }

    /** Starts one instance; the demo data (without the 2010 replay) when asked, to be loaded by one instance only. */
    public Process start(int apiPort, boolean demo, String maxHeap, Map<String, String> extraEnv) throws IOException {
        Path jar = Path.of(System.getProperty("grandjour.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + maxHeap));
        if (Files.exists(jar.resolveSibling("app-cds.jsa"))) {
            command.add("-XX:SharedArchiveFile=app-cds.jsa"); // names the jar relatively: run from its folder
        }
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log(apiPort).toFile());
        Map<String, String> env = new HashMap<>(Map.of("GJ_HTTP_PORT", String.valueOf(apiPort),
                "GJ_MGMT_PORT", String.valueOf(managementPort(apiPort)), "GJ_DB_NAME", database,
                "GJ_DEMO", String.valueOf(demo), "GJ_DEMO_SIMULATE_2010", "false"));
        env.putAll(extraEnv);
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Waits for /q/health/ready to answer 200; fails with the instance's log if it dies or takes too long. */
    public void waitReady(int apiPort, Process p, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ready = "http://127.0.0.1:" + managementPort(apiPort) + "/q/health/ready";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("instance on " + apiPort + " died: see " + log(apiPort));
            }
            if (status("GET", ready) == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance on " + apiPort + " not ready within " + timeout + ": " + Files.readString(log(apiPort)));
    }

    /** The status of a request without a body; -1 when nothing answered. */
    public static int status(String method, String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A JSON call with a bearer token to 127.0.0.1:port; any answer but 2xx fails the test. */
    public static JsonNode call(int port, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new AssertionError(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Stops every instance still running (SIGTERM). */
    @Override
    public void close() {
        processes.forEach(Process::destroy);
    }
}
