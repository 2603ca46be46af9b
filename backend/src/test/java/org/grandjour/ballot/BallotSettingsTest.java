package org.grandjour.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.grandjour.ticket.Claims;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Organisers choose the allocation mode and the ballot's settings; they are locked once residents apply. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class BallotSettingsTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";
    final String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");

    @Inject
    TestData data;
    @Inject
    EntityManager em;

    LocalDate day = LocalDate.now().plusDays(20);

    Map<String, Object> edition(String slug, String mode) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", "Ballot " + slug, "timeZone", "Europe/Paris",
                "firstDay", day.toString(), "lastDay", day.plusDays(1).toString(),
                "claimOpensAt", Instant.now().toString(), "claimClosesAt", Instant.now().plus(Duration.ofDays(10)).toString(),
                "maxTicketsPerResident", 4, "maxPartySize", 6, "territories", List.of(TestData.PAS_DE_CALAIS, TestData.KENT)));
        body.put("allocationMode", mode);
        if (mode.equals("BALLOT")) {
            body.put("applicationOpensAt", Instant.now().minusSeconds(60).toString());
            body.put("applicationClosesAt", Instant.now().plus(Duration.ofDays(2)).toString());
            body.put("drawAt", Instant.now().plus(Duration.ofDays(3)).toString());
            body.put("publicValueSource", "EuroMillions draw of 2026-03-06");
            body.put("territoryShares", List.of(Map.of("territory", TestData.PAS_DE_CALAIS, "percent", 60),
                    Map.of("territory", TestData.KENT, "percent", 20)));
        }
        return body;
    }

    @Test
    void aBallotEditionGetsASecretSeedAndPublishesOnlyItsCommitment() {
        data.territory(TestData.PAS_DE_CALAIS);
        data.territory(TestData.KENT);
        String slug = TestData.unique("ballot");
        String body = given().auth().oauth2(organiser).contentType("application/json").body(edition(slug, "BALLOT"))
                .when().post("/api/admin/editions").then().statusCode(201)
                .body("allocationMode", equalTo("BALLOT")).body("maxChoices", equalTo(5))
                .body("applicationOpen", equalTo(true))
                .body("publicValueSource", equalTo("EuroMillions draw of 2026-03-06"))
                .body("ballotCommitment", matchesPattern("[0-9a-f]{64}"))
                .body("territoryShares", hasSize(2)).body("territoryShares[0].territory", equalTo("FR-62"))
                .body("territoryShares[0].percent", equalTo(60))
                .extract().asString();
        Edition e = Edition.findBySlug(slug);
        byte[] seed = QuarkusTransaction.requiringNew().call(() -> (byte[]) em.createNativeQuery(
                "select ballot_seed from edition where slug = ?1").setParameter(1, slug).getSingleResult());
        assertThat(seed).hasSize(32);
        assertThat(body).contains(DrawGenerator.commitment(seed)).doesNotContain(HexFormat.of().formatHex(seed));
        given().when().get("/api/editions").then().statusCode(200);
        assertThat(given().when().get("/api/editions").asString()).doesNotContain(HexFormat.of().formatHex(seed));
        given().when().get("/api/editions/" + e.id + "/draw").then().statusCode(200)
                .body("stage", equalTo("OPEN")).body("commitment", equalTo(DrawGenerator.commitment(seed)))
                .body("algorithm", equalTo(BallotDraw.ALGORITHM)).body("seed", equalTo(null));
    }

    @Test
    void aBallotNeedsItsWindowAndSharesOfItsOwnTerritories() {
        data.territory(TestData.PAS_DE_CALAIS);
        data.territory(TestData.KENT);
        Map<String, Object> noWindow = edition(TestData.unique("ballot"), "BALLOT");
        noWindow.remove("applicationClosesAt");
        given().auth().oauth2(organiser).contentType("application/json").body(noWindow).when().post("/api/admin/editions")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation-failed"));
        Map<String, Object> tooMuch = edition(TestData.unique("ballot"), "BALLOT");
        tooMuch.put("territoryShares", List.of(Map.of("territory", "FR-62", "percent", 70), Map.of("territory", "GB-KEN", "percent", 40)));
        given().auth().oauth2(organiser).contentType("application/json").body(tooMuch).when().post("/api/admin/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("territoryShares"));
        Map<String, Object> outsider = edition(TestData.unique("ballot"), "BALLOT");
        outsider.put("territoryShares", List.of(Map.of("territory", "FR-59", "percent", 10)));
        data.territory(TestData.NORD);
        given().auth().oauth2(organiser).contentType("application/json").body(outsider).when().post("/api/admin/editions")
                .then().statusCode(400).body("errors[0].field", equalTo("territoryShares"));
    }

    @Test
    void modeWindowAndSharesAreLockedOnceResidentsHaveApplied() {
        data.territory(TestData.PAS_DE_CALAIS);
        data.territory(TestData.KENT);
        String slug = TestData.unique("ballot");
        Map<String, Object> body = edition(slug, "BALLOT");
        int id = given().auth().oauth2(organiser).contentType("application/json").body(body).when().post("/api/admin/editions")
                .then().statusCode(201).extract().path("id");
        // before anyone applies, the organiser may change anything
        body.put("maxChoices", 3);
        given().auth().oauth2(organiser).contentType("application/json").body(body).when().put("/api/admin/editions/" + id)
                .then().statusCode(200).body("maxChoices", equalTo(3));
        String commitment = given().when().get("/api/editions/" + id + "/draw").then().extract().path("commitment");

        Edition e = Edition.findById((long) id);
        Offer offer = data.offer(e, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        BallotFixture.apply(LocalTokens.resident(TestData.unique("res"), "62300"), id, Map.of("partySize", 2, "choices", List.of(offer.id)))
                .then().statusCode(201);

        for (var change : List.<Map<String, Object>>of(Map.of("allocationMode", "FIRST_COME"),
                Map.of("applicationClosesAt", Instant.now().plus(Duration.ofDays(5)).toString()),
                Map.of("maxChoices", 4),
                Map.of("territoryShares", List.of(Map.of("territory", "FR-62", "percent", 50))))) {
            Map<String, Object> changed = new HashMap<>(body);
            changed.putAll(change);
            given().auth().oauth2(organiser).contentType("application/json").body(changed).when().put("/api/admin/editions/" + id)
                    .then().statusCode(409).body("type", equalTo(PROBLEMS + "ballot-settings-locked"));
        }
        body.put("name", "Renamed ballot");
        given().auth().oauth2(organiser).contentType("application/json").body(body).when().put("/api/admin/editions/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed ballot")).body("ballotCommitment", equalTo(commitment))
                .body("territoryShares", hasSize(2));
    }

    @Test
    void claimsInABallotEditionAreRefused() {
        Edition e = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS);
        Offer offer = data.offer(e, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update edition set allocation_mode = 'BALLOT', application_opens_at = now(), application_closes_at = now() + interval '1 day',
                draw_at = now() + interval '1 day' where id = ?1""").setParameter(1, e.id).executeUpdate());
        Claims.claim(LocalTokens.resident(TestData.unique("res"), "62300"), offer.id, 1).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "ballot-edition"));
    }
}
