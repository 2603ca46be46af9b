package org.grandjour.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class OfferAdminTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;
    @TestHTTPResource("/")
    URL server;
    Offer offer;
    String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(8);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(7)),
                TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        given().auth().oauth2(LocalTokens.resident(TestData.unique("r"), "62300")).contentType("application/json")
                .body("{\"offerId\": " + offer.id + ", \"partySize\": 4}").post("/api/tickets").then().statusCode(201);
    }

    @Test
    void aFinishedEditionKeepsItsCapacities() {
        LocalDate past = LocalDate.now().minusDays(30);
        Edition over = data.edition(past, past.plusDays(1), Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(31)),
                TestData.PAS_DE_CALAIS);
        Offer old = data.offer(over, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), past, 10);
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(20))
                .put("/api/admin/offers/" + old.id + "/capacity").then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/edition-finished"));
        org.assertj.core.api.Assertions.assertThat(sql.number("select capacity from offer where id = ?", old.id)).isEqualTo(10);
    }

    String capacity(int value) {
        return "{\"capacity\": " + value + "}";
    }

    @Test
    void capacityMovesWithPlacesLeftButNeverBelowBooked() {
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(25))
                .put("/api/admin/offers/" + offer.id + "/capacity").then().statusCode(200)
                .body("capacity", equalTo(25)).body("remaining", equalTo(21));
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(4))
                .put("/api/admin/offers/" + offer.id + "/capacity").then().statusCode(200).body("remaining", equalTo(0));
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(3))
                .put("/api/admin/offers/" + offer.id + "/capacity").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/capacity-below-booked"))
                .body("detail", containsString("4 persons are already booked"))
                .body("booked", equalTo(4));
        Assertions.assertThat(sql.number("select capacity from offer where id = ?", offer.id)).isEqualTo(4);
        Assertions.assertThat(sql.number("select count(*) from audit_log where entity = 'offer' and entity_id = ? and action = 'offer.capacity'",
                offer.id.toString())).isEqualTo(2);
    }

    @Test
    void badCapacitiesAndUnknownOffersAreProblems() {
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(-1))
                .put("/api/admin/offers/" + offer.id + "/capacity").then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        given().auth().oauth2(organiser).contentType("application/json").body(capacity(5))
                .put("/api/admin/offers/987654321/capacity").then().statusCode(404);
    }

    /**
     * Dashboards hear of a new offer as of a capacity change: its entries reach the live figures at once,
     * not at the stream's next heartbeat (15 s). A fresh edition, so no other change can wake the stream.
     */
    @Test
    void aNewOfferReachesTheLiveFiguresAtOnce() throws Exception {
        LocalDate day = LocalDate.now().plusDays(8);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(7)),
                TestData.PAS_DE_CALAIS);
        Attraction attraction = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        HttpRequest request = HttpRequest.newBuilder(server.toURI().resolve("/api/editions/" + edition.id + "/stats/stream"))
                .header("Authorization", "Bearer " + organiser).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        Assertions.assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> events.add(parse(line.substring(5))));
            } catch (RuntimeException closed) {
                // the test is over and closed the stream
            }
        }, "test-stats-stream");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = events.poll(30, TimeUnit.SECONDS);
            Assertions.assertThat(first).as("the figures on connecting").isNotNull();
            Assertions.assertThat(first.at("/overall/offered").asLong()).isZero();

            int offerId = given().auth().oauth2(organiser).contentType("application/json")
                    .body("{\"attractionId\": " + attraction.id + ", \"day\": \"" + day + "\", \"capacity\": 30}")
                    .post("/api/admin/editions/" + edition.id + "/offers").then().statusCode(201).extract().path("id");

            JsonNode next = events.poll(5, TimeUnit.SECONDS);
            Assertions.assertThat(next).as("figures sent because of the new offer, well before the heartbeat").isNotNull();
            Assertions.assertThat(next.at("/overall/offered").asLong()).isEqualTo(30);
            Assertions.assertThat(next.at("/byAttraction/0/offerId").asLong()).isEqualTo(offerId);
        } finally {
            response.body().close();
        }
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + data, e);
        }
    }
}
