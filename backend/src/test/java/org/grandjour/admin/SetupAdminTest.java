package org.grandjour.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/** Organisers set up editions, territories, attractions and offers; bad input is a problem, every change is audited. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class SetupAdminTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";
    @jakarta.inject.Inject
    TestData data;
    final String organiserName = TestData.unique("org");

    @org.junit.jupiter.api.BeforeEach
    void territories() {
        data.territory(TestData.PAS_DE_CALAIS);
        data.territory(TestData.KENT);
    }
    final String organiser = LocalTokens.token(organiserName, "62000", "organiser");

    RequestSpecification asOrganiser() {
        return given().auth().oauth2(organiser).contentType("application/json");
    }

    Map<String, Object> edition(String slug, LocalDate first, LocalDate last) {
        return Map.of("slug", slug, "name", "Grand Jour test", "timeZone", "Europe/Paris", "firstDay", first.toString(),
                "lastDay", last.toString(), "claimOpensAt", Instant.now().toString(),
                "claimClosesAt", Instant.now().plusSeconds(86400).toString(), "maxTicketsPerResident", 2, "maxPartySize", 4,
                "territories", List.of("FR-62", "GB-KEN"));
    }

    @Test
    void editionsAreCreatedAndChangedWithTheirRules() {
        String slug = TestData.unique("gj");
        LocalDate day = LocalDate.now().plusDays(30);
        asOrganiser().body(Map.of("nameFr", "Pas-de-Calais", "nameEn", "Pas-de-Calais", "country", "FR", "language", "fr",
                "timeZone", "Europe/Paris", "postcodePattern", "^62[0-9]{3}$")).put("/api/admin/territories/FR-62").then().statusCode(200);
        asOrganiser().body(Map.of("nameFr", "Kent", "nameEn", "Kent", "country", "GB", "language", "en",
                "timeZone", "Europe/London", "postcodePattern", "^(CT|ME|TN|DA|BR)[0-9]{1,2}[A-Z]? ?[0-9][A-Z]{2}$"))
                .put("/api/admin/territories/GB-KEN").then().statusCode(200);
        int id = asOrganiser().body(edition(slug, day, day.plusDays(1))).post("/api/admin/editions").then().statusCode(201)
                .body("days", contains(day.toString(), day.plusDays(1).toString()))
                .body("territories.code", contains("FR-62", "GB-KEN")).extract().path("id");
        asOrganiser().body(edition(slug, day, day.plusDays(1))).post("/api/admin/editions").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "already-exists"));
        asOrganiser().body(edition(slug, day, day.plusDays(2))).put("/api/admin/editions/" + id).then().statusCode(200)
                .body("lastDay", equalTo(day.plusDays(2).toString()))
                .body("names.fr", equalTo("Grand Jour test")).body("names.en", equalTo("Grand Jour test")).body("walkUpMinutes", nullValue());
        // a name in English and walk-ups in the last hour
        Map<String, Object> translated = new java.util.HashMap<>(edition(slug, day, day.plusDays(2)));
        translated.put("nameEn", "  Grand Day test ");
        translated.put("walkUpMinutes", 60);
        asOrganiser().body(translated).put("/api/admin/editions/" + id).then().statusCode(200)
                .body("name", equalTo("Grand Jour test")).body("names.en", equalTo("Grand Day test")).body("walkUpMinutes", equalTo(60));
        given().get("/api/editions").then().statusCode(200).body("find { it.id == " + id + " }.names.en", equalTo("Grand Day test"));
        translated.put("walkUpMinutes", 0);
        asOrganiser().body(translated).put("/api/admin/editions/" + id).then().statusCode(400).body("errors[0].field", containsString("walkUpMinutes"));
        asOrganiser().body(edition(slug, day, day.minusDays(1))).put("/api/admin/editions/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("lastDay"));
        Map<String, Object> badZone = new java.util.HashMap<>(edition(slug, day, day));
        badZone.put("timeZone", "Mars/Olympus");
        asOrganiser().body(badZone).put("/api/admin/editions/" + id).then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        Map<String, Object> unknownTerritory = new java.util.HashMap<>(edition(slug, day, day));
        unknownTerritory.put("territories", List.of("XX-99"));
        asOrganiser().body(unknownTerritory).put("/api/admin/editions/" + id).then().statusCode(400);
        asOrganiser().get("/api/admin/audit").then().statusCode(200)
                .body("findAll { it.actor == '" + organiserName + "' }.action", hasItem("edition.update"));
    }

    @Test
    void territoriesTestPostcodesAndRefuseBadPatterns() {
        asOrganiser().body(Map.of("nameFr", "Somme", "nameEn", "Somme", "country", "FR", "language", "fr", "timeZone", "Europe/Paris",
                "postcodePattern", "^80[0-9]{3}$")).put("/api/admin/territories/FR-80").then().statusCode(200);
        given().queryParam("postcode", " 80 100").get("/api/territories/match").then().statusCode(200)
                .body("postcode", equalTo("80 100")).body("territory.code", equalTo("FR-80"));
        given().queryParam("postcode", "75001").get("/api/territories/match").then().statusCode(200).body("territory", nullValue());
        given().get("/api/territories/match").then().statusCode(400);
        asOrganiser().body(Map.of("nameFr", "X", "nameEn", "X", "country", "FR", "language", "fr", "timeZone", "Europe/Paris",
                "postcodePattern", "^(80")).put("/api/admin/territories/FR-81").then().statusCode(400)
                .body("errors[0].field", equalTo("postcodePattern"));
        asOrganiser().body(Map.of("nameFr", "X", "nameEn", "X", "country", "FR", "language", "fr", "timeZone", "Europe/Paris",
                "postcodePattern", "^81")).put("/api/admin/territories/not-a-code").then().statusCode(400);
    }

    @Test
    void attractionsAndOffersAreSetUpAndInactiveOnesHidden() {
        String slug = TestData.unique("place");
        Map<String, Object> attraction = new java.util.HashMap<>(Map.of("slug", slug, "territory", "FR-62", "category", "MUSEUM",
                "nameFr", "Musée test", "nameEn", "Test museum", "address", "1 rue X", "town", "Arras", "postcode", "62000", "active", true));
        int attractionId = asOrganiser().body(attraction).post("/api/admin/attractions").then().statusCode(201)
                .body("slug", equalTo(slug)).body("active", equalTo(true)).extract().path("id");
        LocalDate day = LocalDate.now().plusDays(40);
        int editionId = asOrganiser().body(edition(TestData.unique("gj"), day, day)).post("/api/admin/editions").then().statusCode(201)
                .extract().path("id");
        asOrganiser().body(Map.of("attractionId", attractionId, "day", day.toString(), "capacity", 50))
                .post("/api/admin/editions/" + editionId + "/offers").then().statusCode(201).body("remaining", equalTo(50));
        asOrganiser().body(Map.of("attractionId", attractionId, "day", day.toString(), "capacity", 50))
                .post("/api/admin/editions/" + editionId + "/offers").then().statusCode(409);
        asOrganiser().body(Map.of("attractionId", attractionId, "day", day.plusDays(5).toString(), "capacity", 50))
                .post("/api/admin/editions/" + editionId + "/offers").then().statusCode(400).body("errors[0].field", equalTo("day"));
        given().get("/api/editions/" + editionId + "/offers").then().statusCode(200).body("attraction.slug", contains(slug));

        attraction.put("active", false);
        asOrganiser().body(attraction).put("/api/admin/attractions/" + attractionId).then().statusCode(200).body("active", equalTo(false));
        given().get("/api/editions/" + editionId + "/offers").then().statusCode(200).body("size()", equalTo(0));
        asOrganiser().get("/api/admin/attractions").then().statusCode(200).body("find { it.id == " + attractionId + " }.active", equalTo(false));
        attraction.put("category", "CIRCUS");
        asOrganiser().body(attraction).put("/api/admin/attractions/" + attractionId).then().statusCode(400);
    }

    @Test
    void staffAssignmentsAreReplacedAndListed() {
        String username = "staff"; // the realm's demo door-staff account: assignments name real staff only
        int attractionId = asOrganiser().body(Map.of("slug", TestData.unique("a"), "territory", "FR-62", "category", "HERITAGE",
                "nameFr", "A", "nameEn", "A", "address", "x", "town", "Lens", "postcode", "62300", "active", true))
                .post("/api/admin/attractions").then().statusCode(201).extract().path("id");
        asOrganiser().body(Map.of("attractionIds", List.of(attractionId))).put("/api/admin/staff/" + username + "/attractions")
                .then().statusCode(200).body("attractionIds", contains(attractionId));
        asOrganiser().get("/api/admin/staff").then().statusCode(200)
                .body("find { it.username == '" + username + "' }.attractionIds", contains(attractionId));
        asOrganiser().body(Map.of("attractionIds", List.of(987654321))).put("/api/admin/staff/" + username + "/attractions")
                .then().statusCode(400);
        given().auth().oauth2(LocalTokens.token(username, "62000", "staff")).get("/api/me/attractions").then().statusCode(200)
                .body("id", contains(attractionId));
    }

    @Test
    void staffAssignmentsNameAnExistingStaffAccount() {
        var body = Map.of("attractionIds", List.of());
        for (String bad : List.of("..%2F..%2Fetc", "ab", "a%20b", "x%3Cscript", "a".repeat(256))) {
            asOrganiser().urlEncodingEnabled(false).body(body).put("/api/admin/staff/" + bad + "/attractions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("username"));
        }
        for (String notStaff : List.of("null", TestData.unique("nobody"), "resident", "outsider")) {
            asOrganiser().body(body).put("/api/admin/staff/" + notStaff + "/attractions")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://grandjour.example/problems/not-staff"));
        }
    }
}
