package org.grandjour.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.grandjour.ballot.BallotFixture.apply;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** PUT/GET/DELETE /api/editions/{id}/my-application: the rules, the problems, idempotency. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class BallotApplicationTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";

    @Inject
    TestData data;
    @Inject
    BallotFixture ballot;
    @Inject
    Sql sql;

    LocalDate day = LocalDate.now().plusDays(20);
    Edition edition;
    Offer a;
    Offer b;
    Offer c;
    String resident;
    String username;

    @BeforeEach
    void setUp() {
        edition = data.edition(day, day.plusDays(1), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS, TestData.KENT);
        ballot.ballot(edition, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), 3);
        a = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        b = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.HERITAGE), day, 10);
        c = data.offer(edition, data.attraction(TestData.KENT, Category.HERITAGE), day.plusDays(1), 10);
        username = TestData.unique("res");
        resident = LocalTokens.resident(username, "62300");
    }

    private String path() {
        return "/api/editions/" + edition.id + "/my-application";
    }

    @Test
    void applyChangeReadAndWithdraw() {
        String drawId = apply(resident, edition.id, Map.of("partySize", 2, "choices", List.of(b.id, a.id), "anyOtherSameDay", true))
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).body("partySize", equalTo(2))
                .body("choices", contains(b.id.intValue(), a.id.intValue())).body("anyOtherSameDay", equalTo(true))
                .body("editable", equalTo(true)).body("drawId", matchesPattern("[0-9A-Z]{12}")).body("position", equalTo(null))
                .extract().path("drawId");
        apply(resident, edition.id, Map.of("partySize", 3, "choices", List.of(c.id, a.id, b.id)))
                .then().statusCode(200).body("partySize", equalTo(3)).body("choices", contains(c.id.intValue(), a.id.intValue(), b.id.intValue()))
                .body("anyOtherSameDay", equalTo(false)).body("drawId", equalTo(drawId));
        given().auth().oauth2(resident).when().get(path()).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("drawId", equalTo(drawId)).body("choices", contains(c.id.intValue(), a.id.intValue(), b.id.intValue()));
        given().auth().oauth2(resident).when().delete(path()).then().statusCode(204);
        given().auth().oauth2(resident).when().get(path()).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        // applying again brings it back
        apply(resident, edition.id, Map.of("partySize", 1, "choices", List.of(a.id))).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(sql.number("select count(*) from ballot_application where edition_id = ?", edition.id)).isEqualTo(1);
    }

    @Test
    void noApplicationIs404() {
        given().auth().oauth2(resident).when().get(path()).then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().auth().oauth2(resident).when().delete(path()).then().statusCode(404);
    }

    @Test
    void badChoicesAndPartiesAre422() {
        Edition other = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS);
        Offer foreign = data.offer(other, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        Offer d = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.NATURE), day, 10);
        for (List<Long> choices : List.of(List.of(a.id, a.id), List.of(foreign.id), List.of(a.id, 999_999_999L), List.of(a.id, b.id, c.id, d.id))) {
            apply(resident, edition.id, Map.of("partySize", 1, "choices", choices)).then().statusCode(422)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-application"))
                    .body("errors[0].field", equalTo("choices"));
        }
        apply(resident, edition.id, Map.of("partySize", 7, "choices", List.of(a.id))).then().statusCode(422)
                .body("errors[0].field", equalTo("partySize"));
        apply(resident, edition.id, Map.of("partySize", 0, "choices", List.of(a.id))).then().statusCode(400);
        apply(resident, edition.id, Map.of("partySize", 1, "choices", List.of())).then().statusCode(400);
        assertThat(sql.number("select count(*) from ballot_application where edition_id = ?", edition.id)).isZero();
    }

    @Test
    void eligibilityAsForClaims() {
        apply(LocalTokens.unverifiedResident(TestData.unique("unv"), "62300"), edition.id, Map.of("partySize", 1, "choices", List.of(a.id)))
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "email-not-verified"));
        apply(LocalTokens.resident(TestData.unique("far"), "75001"), edition.id, Map.of("partySize", 1, "choices", List.of(a.id)))
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "not-eligible"));
        apply(LocalTokens.token(TestData.unique("org"), "62300", "organiser"), edition.id, Map.of("partySize", 1, "choices", List.of(a.id)))
                .then().statusCode(403);
        given().contentType("application/json").body(Map.of("partySize", 1, "choices", List.of(a.id))).when().put(path()).then().statusCode(401);
    }

    @Test
    void onlyInsideTheWindowOfABallotEdition() {
        Edition firstCome = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS);
        Offer fc = data.offer(firstCome, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        apply(resident, firstCome.id, Map.of("partySize", 1, "choices", List.of(fc.id))).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "first-come-edition"));
        given().auth().oauth2(resident).when().get("/api/editions/" + firstCome.id + "/my-application").then().statusCode(409);

        Edition later = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS);
        ballot.ballot(later, Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)), 5);
        Offer lo = data.offer(later, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
        apply(resident, later.id, Map.of("partySize", 1, "choices", List.of(lo.id))).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "application-window-closed"));

        apply(resident, edition.id, Map.of("partySize", 1, "choices", List.of(a.id))).then().statusCode(201);
        ballot.close(edition);
        apply(resident, edition.id, Map.of("partySize", 2, "choices", List.of(a.id))).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "application-window-closed"));
        given().auth().oauth2(resident).when().delete(path()).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "application-window-closed"));
        given().auth().oauth2(resident).when().get(path()).then().statusCode(200).body("partySize", equalTo(1))
                .body("editable", equalTo(false));
    }

    @Test
    void anIdempotencyKeyReplaysTheSameApplicationAndRefusesAnotherBody() {
        String key = TestData.unique("key");
        int id = apply(resident, edition.id, Map.of("partySize", 2, "choices", List.of(a.id)), key).then().statusCode(201).extract().path("id");
        apply(resident, edition.id, Map.of("partySize", 2, "choices", List.of(a.id)), key).then().statusCode(200).body("id", equalTo(id));
        apply(resident, edition.id, Map.of("partySize", 3, "choices", List.of(a.id)), key).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().auth().oauth2(resident).when().get(path()).then().body("partySize", equalTo(2));
    }

    @Test
    void twentyConcurrentPutsWithOneKeyMakeOneApplication() throws Exception {
        String key = TestData.unique("key");
        List<Response> responses = Race.run(20, i -> apply(resident, edition.id, Map.of("partySize", 2, "choices", List.of(b.id, a.id)), key));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
        assertThat(responses.stream().map(r -> r.<Integer>path("id")).distinct().count()).isEqualTo(1);
        assertThat(sql.number("select count(*) from ballot_application where edition_id = ?", edition.id)).isEqualTo(1);
        assertThat(sql.number("select count(*) from ballot_choice c join ballot_application a on a.id = c.application_id where a.edition_id = ?",
                edition.id)).isEqualTo(2);
    }
}
