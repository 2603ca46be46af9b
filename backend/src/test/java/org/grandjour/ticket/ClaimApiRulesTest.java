package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.grandjour.ticket.Claims.claim;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The claim rules through the API, and every bad input answered with its documented problem, never a
 * 500. Each rule's boundaries are in ClaimRulesTest, without the database.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ClaimApiRulesTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";

    @Inject
    TestData data;
    @Inject
    Sql sql;

    LocalDate day = LocalDate.now().plusDays(3);
    Edition edition;
    Offer offer;
    String resident;

    @BeforeEach
    void setUp() {
        edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS, TestData.KENT);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 20);
        resident = LocalTokens.resident(TestData.unique("res"), "62300");
    }

    @Test
    void aClaimMakesATicketAndTakesThePlaces() {
        int id = claim(resident, offer.id, 3).then().statusCode(201)
                .header("Location", containsString("/api/tickets/"))
                .body("status", equalTo("ACTIVE"))
                .body("partySize", equalTo(3))
                .body("personsAdmitted", equalTo(0))
                .body("cancellable", equalTo(true))
                .body("code", org.hamcrest.Matchers.matchesPattern("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .body("qrPayload", startsWith("GJ1."))
                .body("offer.remaining", equalTo(17))
                .extract().path("id");
        given().auth().oauth2(resident).when().get("/api/tickets/" + id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(resident).when().get("/api/me/tickets").then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(id));
    }

    @Test
    void partySizeMustFitTheEdition() {
        for (int size : new int[] {0, -1, 7, 1000}) {
            claim(resident, offer.id, size).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "validation-failed"))
                    .body("errors[0].field", equalTo("partySize"));
        }
        assertRemaining(20);
    }

    @Test
    void malformedOrMissingBodiesAre400() {
        given().auth().oauth2(resident).contentType("application/json").body("{\"offerId\": ").when().post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "malformed-request"));
        given().auth().oauth2(resident).contentType("application/json").body("{\"offerId\": \"abc\", \"partySize\": 1}")
                .when().post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("offerId"));
        given().auth().oauth2(resident).contentType("application/json").body("{\"partySize\": 1}").when().post("/api/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("offerId"));
        given().auth().oauth2(resident).contentType("application/json").when().post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(resident).contentType("text/plain").body("hello").when().post("/api/tickets")
                .then().statusCode(415).contentType("application/problem+json");
        assertRemaining(20);
    }

    @Test
    void anUnknownOfferIs404() {
        claim(resident, 987654321L, 1).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void outsidersAreNotEligible() {
        claim(LocalTokens.resident(TestData.unique("paris"), "75001"), offer.id, 1).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-eligible"))
                .body("detail", containsString("75001"));
        claim(LocalTokens.resident(TestData.unique("nopostcode"), null), offer.id, 1).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-eligible"));
        claim(LocalTokens.resident(TestData.unique("lille"), "59000"), offer.id, 1).then().statusCode(403);
        assertRemaining(20);
    }

    @Test
    void onlyResidentsClaimAndOnlyWithAToken() {
        claim(LocalTokens.token(TestData.unique("door"), "62300", "staff"), offer.id, 1).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        given().contentType("application/json").body("{\"offerId\": " + offer.id + ", \"partySize\": 1}")
                .when().post("/api/tickets").then().statusCode(401).body("type", equalTo(PROBLEMS + "unauthenticated"));
    }

    @Test
    void claimsOutsideTheWindowAreRefused() {
        Edition closed = data.edition(day, day, Instant.now().minus(Duration.ofDays(9)), Instant.now().minus(Duration.ofDays(1)),
                TestData.PAS_DE_CALAIS);
        Offer late = data.offer(closed, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 5);
        claim(resident, late.id, 1).then().statusCode(409).body("type", equalTo(PROBLEMS + "claim-window-closed"))
                .body("detail", containsString("closed"));
        Edition early = data.edition(day.plusDays(30), day.plusDays(30), Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(29)), TestData.PAS_DE_CALAIS);
        Offer soon = data.offer(early, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day.plusDays(30), 5);
        claim(resident, soon.id, 1).then().statusCode(409).body("detail", containsString("open"));
    }

    @Test
    void oneLiveTicketPerOfferAndSoldOutTellsWhatIsLeft() {
        claim(resident, offer.id, 2).then().statusCode(201);
        claim(resident, offer.id, 1).then().statusCode(409).body("type", equalTo(PROBLEMS + "limit-reached"))
                .body("limit", equalTo("per-offer"));
        for (int party : new int[] {6, 6, 5}) {
            claim(LocalTokens.resident(TestData.unique("b"), "62300"), offer.id, party).then().statusCode(201);
        }
        claim(LocalTokens.resident(TestData.unique("c"), "62300"), offer.id, 2).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "sold-out"))
                .body("detail", containsString("Only 1 place left"))
                .body("remaining", equalTo(1));
        claim(LocalTokens.resident(TestData.unique("d"), "62300"), offer.id, 1).then().statusCode(201);
        claim(LocalTokens.resident(TestData.unique("e"), "62300"), offer.id, 1).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "sold-out"))
                .body("detail", containsString("fully booked"));
        assertRemaining(0);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        claim(resident, offer.id, 2, "k-1").then().statusCode(201);
        claim(resident, offer.id, 2, "k-1").then().statusCode(200).body("partySize", equalTo(2));
        claim(resident, offer.id, 3, "k-1").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertRemaining(18);
    }

    @Test
    void cancellingGivesThePlacesBackOnceAndKeepsTheHistory() {
        int id = claim(resident, offer.id, 4).then().statusCode(201).extract().path("id");
        assertRemaining(16);
        given().auth().oauth2(resident).when().delete("/api/tickets/" + id).then().statusCode(204);
        assertRemaining(20);
        given().auth().oauth2(resident).when().delete("/api/tickets/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "ticket-cancelled"));
        assertRemaining(20);
        given().auth().oauth2(resident).when().get("/api/me/tickets").then().statusCode(200)
                .body("find { it.id == " + id + " }.status", equalTo("CANCELLED"))
                .body("find { it.id == " + id + " }.cancellable", equalTo(false));
        claim(resident, offer.id, 1).then().statusCode(201); // the offer is free for this resident again
    }

    @Test
    void anotherResidentsTicketDoesNotExist() {
        int id = claim(resident, offer.id, 1).then().statusCode(201).extract().path("id");
        String other = LocalTokens.resident(TestData.unique("other"), "62300");
        for (String path : new String[] {"", "/qr.png", "/qr.svg", "/ticket.pdf", "/ticket.ics"}) {
            given().auth().oauth2(other).when().get("/api/tickets/" + id + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(other).when().delete("/api/tickets/" + id).then().statusCode(404);
        given().auth().oauth2(resident).when().get("/api/tickets/" + id).then().statusCode(200);
    }

    @Test
    void releasingIsImpossibleOnceTheAttractionHasOpened() {
        LocalDate parisToday = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        Edition today = data.edition(parisToday, parisToday, Instant.now().minus(Duration.ofDays(5)),
                Instant.now().plus(Duration.ofDays(1)), TestData.PAS_DE_CALAIS);
        Offer started = data.offer(today, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), today.firstDay, 5);
        data.openingHours(started, java.time.LocalTime.MIDNIGHT, java.time.LocalTime.of(23, 59)); // open since midnight
        int id = claim(resident, started.id, 1).then().statusCode(201).body("cancellable", equalTo(false)).extract().path("id");
        given().auth().oauth2(resident).when().delete("/api/tickets/" + id).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "cancel-too-late"));
    }

    private void assertRemaining(long expected) {
        org.assertj.core.api.Assertions.assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(expected);
    }
}
