package org.grandjour.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Scan-to-dashboard delay under the door rush: an organiser's dashboard stream (SSE) stays open
 * while a probe device admits one person at a time at an attraction of its own, and times each scan
 * from the moment it is sent until the dashboard shows that attraction's admitted count including it.
 */
final class SseProbe implements AutoCloseable {
    private final String apiUrl;
    private final long editionId;
    private final long offerId;
    private final long attractionId;
    private final String organiserToken;
    private final String staffToken;
    private final Iterator<String> payloads;
    private final Results.Scenario results;
    private final AtomicLong shown = new AtomicLong(-1);
    private volatile boolean running = true;
    private volatile Stream<String> events;
    private Thread reader;
    private Thread scanner;

    SseProbe(String apiUrl, long editionId, long offerId, long attractionId, String organiserToken, String staffToken,
             List<String> payloads, Results.Scenario results) {
        this.apiUrl = apiUrl;
        this.editionId = editionId;
        this.offerId = offerId;
        this.attractionId = attractionId;
        this.organiserToken = organiserToken;
        this.staffToken = staffToken;
        this.payloads = payloads.iterator();
        this.results = results;
    }

    SseProbe start() {
        reader = new Thread(this::read, "sse-probe-reader");
        scanner = new Thread(this::scan, "sse-probe-scanner");
        reader.setDaemon(true);
        scanner.setDaemon(true);
        reader.start();
        scanner.start();
        return this;
    }

    private void read() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/editions/" + editionId + "/stats/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + organiserToken).GET().build();
            HttpResponse<Stream<String>> response = Json.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                results.unexpected("dashboard stream refused: HTTP " + response.statusCode());
                return;
            }
            events = response.body();
            events.filter(line -> line.startsWith("data:")).forEach(line -> {
                try {
                    for (JsonNode a : Json.MAPPER.readTree(line.substring(5).trim()).path("byAttraction")) {
                        if (a.path("offerId").asLong() == offerId) {
                            synchronized (shown) {
                                shown.set(a.path("figures").path("admitted").asLong());
                                shown.notifyAll();
                            }
                        }
                    }
                } catch (Exception e) {
                    results.unexpected("unreadable dashboard event");
                }
            });
        } catch (Exception e) {
            if (running) {
                results.unexpected("dashboard stream lost: " + e.getClass().getSimpleName());
            }
        }
    }

    private void scan() {
        long admitted = 0;
        try {
            waitUntilShown(0, Duration.ofSeconds(10));
            while (running && payloads.hasNext()) {
                long t0 = System.nanoTime();
                HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/scans"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + staffToken)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(Map.of(
                                "code", payloads.next(), "attractionId", attractionId, "deviceId", "sse-probe",
                                "scanId", UUID.randomUUID().toString(), "scannedAt", Instant.now().toString())))).build();
                HttpResponse<String> r = Json.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                String verdict = r.statusCode() == 200 ? Json.MAPPER.readTree(r.body()).path("verdict").asText() : "HTTP " + r.statusCode();
                if (!"ADMITTED".equals(verdict)) {
                    results.count("probe scan not admitted: " + verdict);
                    results.unexpected("probe scan not admitted: " + verdict);
                    continue;
                }
                admitted++;
                boolean seen = waitUntilShown(admitted, Duration.ofSeconds(5));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                results.record("scan to dashboard event (SSE)", millis, seen ? "shown on the dashboard" : "not shown within 5 s");
                if (!seen) {
                    results.unexpected("scan not shown on the dashboard within 5 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            results.unexpected("probe failed: " + e);
        }
    }

    private boolean waitUntilShown(long admitted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (shown) {
            while (shown.get() < admitted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                shown.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        scanner.join(10_000);
        if (events != null) {
            events.close();
        }
        reader.interrupt();
    }
}
