package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Inputs an attacker (or a broken client) sends get a 4xx problem, never a 500: control characters,
 * dates the database cannot hold, identical creations racing each other.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class HostileInputTest {
    static final String TYPE = "https://grandjour.example/problems/";

    @Inject
    TestData data;

    Edition edition() {
        LocalDate day = LocalDate.now().plusDays(3);
        return data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(2, ChronoUnit.DAYS), TestData.PAS_DE_CALAIS);
    }

    static String organiser() {
        return LocalTokens.token("organiser", null, "organiser");
    }

    @Test
    void aNulByteInAQueryIsA400ProblemEvenAnonymously() {
        Edition e = edition();
        given().urlEncodingEnabled(false).when().get("/api/editions/" + e.id + "/offers?territory=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE + "validation-failed"))
                .body("errors[0].field", equalTo("territory"));
        given().urlEncodingEnabled(false).when().get("/api/territories/match?postcode=62%0A300")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void controlCharactersInAJsonStringAreA400NamingTheField() {
        String body = """
                {"nameFr": "Pas-de-\\u0000Calais", "nameEn": "Pas-de-Calais", "country": "FR", "language": "fr",
                 "timeZone": "Europe/Paris", "postcodePattern": "^62[0-9]{3}$"}""";
        given().auth().oauth2(organiser()).contentType("application/json").body(body)
                .when().put("/api/admin/territories/FR-62")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("nameFr"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aDayTheDatabaseCannotHoldIsA400() {
        Edition e = edition();
        given().urlEncodingEnabled(false).when().get("/api/editions/" + e.id + "/offers?day=%2B999999999-12-31")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("at org.")));
        given().auth().oauth2(organiser()).contentType("application/json")
                .body("{\"attractionId\": 1, \"day\": \"+999999999-12-31\", \"capacity\": 10}")
                .when().post("/api/admin/editions/" + e.id + "/offers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void identicalOfferCreationsRacingEachOtherGiveOne201AndConflicts() throws Exception {
        Edition e = edition();
        Attraction a = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        String token = organiser();
        String body = "{\"attractionId\": " + a.id + ", \"day\": \"" + e.firstDay + "\", \"capacity\": 50}";
        List<Response> responses = Race.run(8, i -> given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/admin/editions/" + e.id + "/offers"));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 409));
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
    }

    static java.util.Map<String, Object> editionBody(String slug) {
        LocalDate day = LocalDate.now().plusDays(40);
        return new java.util.HashMap<>(java.util.Map.of("slug", slug, "name", "Grand Jour test", "timeZone", "Europe/Paris",
                "firstDay", day.toString(), "lastDay", day.toString(), "claimOpensAt", Instant.now().toString(),
                "claimClosesAt", Instant.now().plusSeconds(86400).toString(), "maxTicketsPerResident", 2, "maxPartySize", 4,
                "territories", List.of(TestData.PAS_DE_CALAIS)));
    }

    @Test
    void datesInABodyOutsideYears1900To9999AreA400NamingTheField() {
        data.territory(TestData.PAS_DE_CALAIS);
        for (var bad : List.<java.util.Map.Entry<String, Object>>of(
                java.util.Map.entry("firstDay", 2147483647), java.util.Map.entry("firstDay", "+999999999-12-31"),
                java.util.Map.entry("lastDay", "1899-12-31"), java.util.Map.entry("claimOpensAt", "+999999999-12-31T23:59:59Z"),
                java.util.Map.entry("claimClosesAt", 9223372036854775807L), java.util.Map.entry("claimClosesAt", "10000-01-01T00:00:00Z"))) {
            var body = editionBody(TestData.unique("gj"));
            body.put(bad.getKey(), bad.getValue());
            given().auth().oauth2(organiser()).contentType("application/json").body(body)
                    .when().post("/api/admin/editions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(TYPE + "validation-failed"))
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
    }

    @Test
    void aQueryDayOutsideYears1900To9999IsA400NamingIt() {
        Edition e = edition();
        for (String day : List.of("0001-01-01", "10000-01-01", "%2B999999999-12-31")) {
            given().urlEncodingEnabled(false).when().get("/api/editions/" + e.id + "/offers?day=" + day)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("day"));
        }
    }

    @Test
    void identicalTerritoryPutsRacingEachOtherAllSucceedOnOneRow() throws Exception {
        String code = "FR-" + (100 + (int) (System.nanoTime() % 800));
        String body = """
                {"nameFr": "Essai", "nameEn": "Trial", "country": "FR", "language": "fr",
                 "timeZone": "Europe/Paris", "postcodePattern": "^99[0-9]{3}$"}""";
        String token = organiser();
        List<Response> responses = Race.run(8, i -> given().auth().oauth2(token).contentType("application/json").body(body)
                .when().put("/api/admin/territories/" + code));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));
        assertThat(responses).extracting(r -> r.path("code").toString()).containsOnly(code);
    }

    @Test
    void identicalAttractionAndEditionCreationsRacingEachOtherGiveOne201AndConflicts() throws Exception {
        data.territory(TestData.PAS_DE_CALAIS);
        String token = organiser();
        String slug = TestData.unique("race");
        var attraction = java.util.Map.of("slug", slug, "territory", "FR-62", "category", "MUSEUM", "nameFr", "Musée",
                "nameEn", "Museum", "address", "1 rue X", "town", "Arras", "postcode", "62000", "active", true);
        var edition = editionBody(slug);
        for (var create : List.<java.util.Map.Entry<String, Object>>of(java.util.Map.entry("/api/admin/attractions", attraction),
                java.util.Map.entry("/api/admin/editions", edition))) {
            List<Response> responses = Race.run(8, i -> given().auth().oauth2(token).contentType("application/json")
                    .body(create.getValue()).when().post(create.getKey()));
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 409));
            assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409).allSatisfy(r -> {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.<String>path("type")).isEqualTo(TYPE + "already-exists");
            });
        }
    }

    @Test
    void anInactiveAttractionsOfferCannotBeClaimedById() {
        Edition e = edition();
        Attraction a = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        var offer = data.offer(e, a, e.firstDay, 10);
        data.deactivate(a);
        given().auth().oauth2(LocalTokens.resident(TestData.unique("r"), "62300")).contentType("application/json")
                .body("{\"offerId\": " + offer.id + ", \"partySize\": 1}")
                .when().post("/api/tickets")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(TYPE + "not-found"));
    }
}
