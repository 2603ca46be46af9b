package org.grandjour.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.grandjour.testsupport.PackagedInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two backend processes on one database, as in production behind a load balancer: a dashboard
 * connected to instance A sees, within a second, a scan made through instance B (the change travels
 * through PostgreSQL NOTIFY). Real packaged application, real Keycloak tokens, demo data.
 */
class MultiInstanceIT {
    static final ObjectMapper JSON = PackagedInstances.JSON;
    static final HttpClient HTTP = PackagedInstances.HTTP;
    static final String KEYCLOAK = System.getenv().getOrDefault("GJ_OIDC_URL", "http://127.0.0.1:8180/realms/grandjour");
    static final int PORT_A = 18091;
    static final int PORT_B = 18092;
    static PackagedInstances instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = new PackagedInstances("grandjour_it", "multi-instance");
        Process a = instances.start(PORT_A, true, "256m", Map.of());
        instances.waitReady(PORT_A, a, Duration.ofSeconds(90));
        Process b = instances.start(PORT_B, false, "256m", Map.of()); // the demo data is loaded once, by A
        instances.waitReady(PORT_B, b, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    static String token(String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=grandjour-cli&username=" + user + "&password=" + user))
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
    }

    @Test
    void aDashboardOnOneInstanceSeesAScanMadeOnTheOtherWithinOneSecond() throws Exception {
        String organiser = token("organiser");
        String resident = token("resident");
        String staff = token("staff");
        JsonNode editions = PackagedInstances.call(PORT_A, "GET", "/api/editions", organiser, null);
        JsonNode live = null;
        for (JsonNode e : editions) {
            if (e.get("current").asBoolean()) {
                live = e;
            }
        }
        assertThat(live).as("the demo's live edition").isNotNull();
        long editionId = live.get("id").asLong();
        LocalDate today = LocalDate.now(ZoneId.of(live.get("timeZone").asText()));
        JsonNode staffDoors = PackagedInstances.call(PORT_B, "GET", "/api/me/attractions", staff, null);
        long door = staffDoors.get(0).get("id").asLong();
        JsonNode offer = null;
        for (JsonNode o : PackagedInstances.call(PORT_B, "GET", "/api/editions/" + editionId + "/offers?day=" + today, resident, null)) {
            if (o.get("attraction").get("id").asLong() == door) {
                offer = o;
            }
        }
        assertThat(offer).as("an offer today at the staff's door").isNotNull();
        JsonNode ticket = PackagedInstances.call(PORT_B, "POST", "/api/tickets", resident, Map.of("offerId", offer.get("id").asLong(), "partySize", 2));

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpRequest sse = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_A + "/api/editions/" + editionId + "/stats/stream"))
                .header("Authorization", "Bearer " + organiser).header("Accept", "text/event-stream").build();
        Thread reader = new Thread(() -> {
            try {
                HTTP.send(sse, HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        try {
                            events.add(JSON.readTree(line.substring(5)));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            } catch (Exception e) {
                // the stream ends when the test ends
            }
        });
        reader.setDaemon(true);
        reader.start();
        JsonNode first = events.poll(10, TimeUnit.SECONDS);
        assertThat(first).as("the stream's first event").isNotNull();
        long admittedBefore = first.get("overall").get("admitted").asLong();

        Instant sent = Instant.now();
        JsonNode verdict = PackagedInstances.call(PORT_B, "POST", "/api/scans", staff, Map.of("code", ticket.get("qrPayload").asText(),
                "attractionId", door, "deviceId", "it-door", "scanId", UUID.randomUUID().toString(), "scannedAt", Instant.now().toString()));
        assertThat(verdict.get("verdict").asText()).isEqualTo("ADMITTED");

        JsonNode seen = null;
        // behaviour, not speed: the event must come (the delay is printed; the benchmark measures it)
        while (Duration.between(sent, Instant.now()).toSeconds() < 30) {
            JsonNode e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e != null && e.get("overall").get("admitted").asLong() == admittedBefore + 2) {
                seen = e;
                break;
            }
        }
        long delay = Duration.between(sent, Instant.now()).toMillis();
        System.out.println("scan on B to SSE event on A: " + delay + " ms");
        assertThat(seen).as("an event on A showing the scan made on B").isNotNull();
    }
}
