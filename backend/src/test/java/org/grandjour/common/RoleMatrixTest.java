package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Who may call what. Later issues add staff and organiser endpoints to these tables. */
@QuarkusTest
class RoleMatrixTest {
    @ParameterizedTest
    @ValueSource(strings = {"/api/editions", "/api/territories", "/api/ticket-keys"})
    void publicEndpointsNeedNoToken(String path) {
        given().when().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me", "/api/me/tickets", "/api/me/attractions", "/api/tickets/1",
            "/api/tickets/1/qr.png", "/api/attractions/1/door-list?day=2026-01-01"})
    void authenticatedEndpointsAnswer401ProblemWithoutToken(String path) {
        given().when().get(path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://grandjour.example/problems/unauthenticated"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me"})
    void aGarbageTokenIs401(String path) {
        given().auth().oauth2("not-a-jwt").when().get(path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me/attractions", "/api/attractions/1/door-list?day=2026-01-01"})
    @TestSecurity(user = "resident", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62300"))
    void residentsMayNotUseTheDoorEndpoints(String path) {
        given().when().get(path).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/forbidden"));
    }

    @Test
    @TestSecurity(user = "resident", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62300"))
    void residentsMayNotScan() {
        given().contentType("application/json").body("{}").when().post("/api/scans").then().statusCode(403);
        given().contentType("application/json").body("{}").when().post("/api/scans/batch").then().statusCode(403);
    }

    /** Every organiser endpoint, as each other role sees it. */
    static final String[][] ORGANISER_ONLY = {
            {"GET", "/api/editions/1/stats"}, {"GET", "/api/editions/1/stats/stream"}, {"GET", "/api/editions/1/stats.csv"},
            {"GET", "/api/editions/1/scans.csv"}, {"PUT", "/api/admin/offers/1/capacity"},
            {"POST", "/api/admin/editions"}, {"PUT", "/api/admin/editions/1"}, {"PUT", "/api/admin/territories/FR-62"},
            {"GET", "/api/admin/attractions"}, {"POST", "/api/admin/attractions"}, {"PUT", "/api/admin/attractions/1"},
            {"POST", "/api/admin/editions/1/offers"}, {"GET", "/api/admin/audit"}, {"GET", "/api/admin/staff"},
            {"PUT", "/api/admin/staff/someone/attractions"}, {"POST", "/api/admin/staff/accounts"},
            {"GET", "/api/admin/postcode-changes"}, {"POST", "/api/admin/postcode-changes/1/approve"},
            {"POST", "/api/admin/postcode-changes/1/reject"}, {"GET", "/api/admin/editions/1/ballot"},
            {"POST", "/api/admin/editions/1/ballot/applications/1/disqualification"}, {"POST", "/api/admin/editions/1/draw"}};

    /** Every endpoint only residents may use (their own postcode change requests). */
    static final String[][] RESIDENT_ONLY = {
            {"GET", "/api/me/postcode-change"}, {"POST", "/api/me/postcode-change"},
            {"GET", "/api/editions/1/my-application"}, {"PUT", "/api/editions/1/my-application"},
            {"DELETE", "/api/editions/1/my-application"}};

    @Test
    @TestSecurity(user = "staff", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void staffGet403OnEveryResidentOnlyEndpoint() {
        assertForbidden(RESIDENT_ONLY);
    }

    @Test
    @TestSecurity(user = "organiser", roles = {"organiser", "staff"})
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void organisersGet403OnEveryResidentOnlyEndpoint() {
        assertForbidden(RESIDENT_ONLY);
    }

    @Test
    void anonymousCallersGet401OnEveryResidentOnlyEndpoint() {
        for (String[] endpoint : RESIDENT_ONLY) {
            given().contentType("application/json").body("{\"postcode\": \"59000\"}").when().request(endpoint[0], endpoint[1])
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://grandjour.example/problems/unauthenticated"));
        }
    }

    @Test
    @TestSecurity(user = "resident", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62300"))
    void residentsGet403OnEveryOrganiserEndpoint() {
        assertForbiddenEverywhere();
    }

    @Test
    @TestSecurity(user = "staff", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void staffGet403OnEveryOrganiserEndpoint() {
        assertForbiddenEverywhere();
    }

    @Test
    void anonymousCallersGet401OnEveryOrganiserEndpoint() {
        for (String[] endpoint : ORGANISER_ONLY) {
            given().contentType("application/json").body("{\"capacity\": 1}").when().request(endpoint[0], endpoint[1])
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    private static void assertForbiddenEverywhere() {
        assertForbidden(ORGANISER_ONLY);
    }

    private static void assertForbidden(String[][] endpoints) {
        for (String[] endpoint : endpoints) {
            given().contentType("application/json").body("{\"capacity\": 1}").when().request(endpoint[0], endpoint[1])
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://grandjour.example/problems/forbidden"));
        }
    }

    @Test
    @TestSecurity(user = "staff", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void staffMayNotClaim() {
        given().contentType("application/json").body("{\"offerId\": 1, \"partySize\": 1}").when().post("/api/tickets")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "staff", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void staffMayReadTheirProfile() {
        given().when().get("/api/me").then().statusCode(200).body("roles[0]", equalTo("staff"));
    }

    @Test
    @TestSecurity(user = "organiser", roles = {"organiser", "staff"})
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void organisersMayReadTheirProfile() {
        given().when().get("/api/me").then().statusCode(200).body("roles.size()", equalTo(2));
    }
}
