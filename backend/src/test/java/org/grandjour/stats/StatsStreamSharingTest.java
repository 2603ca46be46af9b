package org.grandjour.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Dashboards watching the same edition share one computation of its figures: five live streams, one
 * claim, the figures are computed once and every stream shows them; a stream opened later gets them at
 * once without computing them again; the shared computation stops with the last stream.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class StatsStreamSharingTest {
    static final int DASHBOARDS = 5;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration QUIET = Duration.ofMillis(600);

    @Inject
    TestData data;
    @Inject
    StatsStream streams;
    @TestHTTPResource("/api/editions")
    URI editions;

    /** One dashboard's live stream, read on a thread of its own. */
    record Dashboard(InputStream body, BlockingQueue<JsonNode> events) {
        static Dashboard open(HttpClient http, URI uri, String token) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            Dashboard d = new Dashboard(response.body(), new LinkedBlockingQueue<>());
            Thread reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(d.body(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:")) {
                            d.events().add(JSON.readTree(line.substring(5)));
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            }, "test-dashboard");
            reader.setDaemon(true);
            reader.start();
            return d;
        }

        long nextBooked() throws InterruptedException {
            JsonNode e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e.get("overall").get("booked").asLong();
        }

        void close() throws Exception {
            body.close();
        }
    }

    @Test
    void dashboardsOfOneEditionShareOneComputationPerChange() throws Exception {
        LocalDate day = LocalDate.now().plusDays(3);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 100);
        String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");
        URI uri = URI.create(editions + "/" + edition.id + "/stats/stream");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Dashboard> dashboards = new ArrayList<>();

        try {
            for (int i = 0; i < DASHBOARDS; i++) {
                dashboards.add(Dashboard.open(http, uri, organiser));
            }
            for (Dashboard d : dashboards) {
                assertThat(d.nextBooked()).as("the figures at once").isZero();
            }
            Thread.sleep(QUIET.toMillis());
            long before = streams.computations(edition.id, StatsService.Filter.NONE);
            assertThat(before).as("computations for %d dashboards opening", DASHBOARDS).isEqualTo(1);

            given().auth().oauth2(LocalTokens.resident(TestData.unique("r"), "62300")).contentType("application/json")
                    .body("{\"offerId\": " + offer.id + ", \"partySize\": 2}").post("/api/tickets").then().statusCode(201);
            for (Dashboard d : dashboards) {
                assertThat(d.nextBooked()).as("the claim on every dashboard").isEqualTo(2);
            }
            Thread.sleep(QUIET.toMillis());
            assertThat(streams.computations(edition.id, StatsService.Filter.NONE) - before).as("computations for one claim")
                    .isEqualTo(1);
            assertThat(dashboards).allSatisfy(d -> assertThat(d.events()).as("events beyond the claim's").isEmpty());

            // another organiser: the first already has as many streams open as one user may
            Dashboard late = Dashboard.open(http, uri, LocalTokens.token(TestData.unique("org"), "62000", "organiser"));
            dashboards.add(late);
            assertThat(late.nextBooked()).as("a late dashboard gets the current figures at once").isEqualTo(2);
            assertThat(streams.computations(edition.id, StatsService.Filter.NONE) - before).isEqualTo(1);
        } finally {
            for (Dashboard d : dashboards) {
                d.close();
            }
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (streams.computations(edition.id, StatsService.Filter.NONE) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(streams.computations(edition.id, StatsService.Filter.NONE)).as("nobody watches once the last stream ended")
                .isZero();
    }
}
