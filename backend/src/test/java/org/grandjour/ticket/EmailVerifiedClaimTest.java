package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.grandjour.ticket.Claims.claim;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One person, one account: no claim and no postcode change without a verified email address. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class EmailVerifiedClaimTest {
    @Inject
    TestData data;

    LocalDate day = LocalDate.now().plusDays(3);
    Offer offer;

    @BeforeEach
    void setUp() {
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 20);
    }

    @Test
    void anUnverifiedResidentCannotClaim() {
        claim(LocalTokens.unverifiedResident(TestData.unique("unverified"), "62300"), offer.id, 2)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/email-not-verified"))
                .body("detail", containsString("Verify your email address"));
    }

    @Test
    void theSameResidentVerifiedCan() {
        String username = TestData.unique("verified");
        claim(LocalTokens.resident(username, "62300"), offer.id, 2).then().statusCode(201);
    }

    @Test
    void anUnverifiedResidentCannotAskForAnotherPostcode() {
        given().auth().oauth2(LocalTokens.unverifiedResident(TestData.unique("unverified"), "62300"))
                .contentType("application/json").body("{\"postcode\":\"59000\"}")
                .when().post("/api/me/postcode-change")
                .then().statusCode(403).body("type", equalTo("https://grandjour.example/problems/email-not-verified"));
    }
}
