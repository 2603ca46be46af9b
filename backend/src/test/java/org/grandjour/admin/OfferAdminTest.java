package org.grandjour.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
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

@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class OfferAdminTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
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
}
