package org.grandjour.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.edition.Edition;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Real tokens from the real Keycloak (started by stack/test.sh): the realm file's demo users, the
 * postcode claim mapper and the role mapping all have to work for these to pass.
 */
@QuarkusTest
class KeycloakTokenTest {
    @Inject
    TestData data;
    @ConfigProperty(name = "grandjour.keycloak.realm-url")
    String realm;

    Edition edition;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(10);
        edition = data.edition(day, day.plusDays(1), Instant.now(), Instant.now().plus(Duration.ofDays(9)),
                TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
    }

    String token(String username) {
        return given().baseUri(realm).formParam("grant_type", "password").formParam("client_id", "grandjour-cli")
                .formParam("username", username).formParam("password", username)
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aRealResidentTokenIsEligibleInPasDeCalais() {
        given().auth().oauth2(token("resident")).queryParam("editionId", edition.id).when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("resident"))
                .body("roles", hasItem("resident"))
                .body("postcode", equalTo("62300"))
                .body("territory.code", equalTo("FR-62"))
                .body("territory.name.en", equalTo("Pas-de-Calais"))
                .body("eligible", equalTo(true));
    }

    @Test
    void aRealKentTokenIsEligibleInKent() {
        given().auth().oauth2(token("resident-kent")).queryParam("editionId", edition.id).when().get("/api/me")
                .then().statusCode(200)
                .body("postcode", equalTo("CT1 2EH"))
                .body("territory.code", equalTo("GB-KEN"))
                .body("eligible", equalTo(true));
    }

    @Test
    void aRealOutsiderTokenIsNotEligible() {
        given().auth().oauth2(token("outsider")).queryParam("editionId", edition.id).when().get("/api/me")
                .then().statusCode(200)
                .body("postcode", equalTo("75001"))
                .body("territory", nullValue())
                .body("eligible", equalTo(false));
    }

    @Test
    void realRolesReachTheApplication() {
        given().auth().oauth2(token("organiser")).when().get("/api/me")
                .then().statusCode(200).body("roles", hasItem("organiser"));
        given().auth().oauth2(token("staff")).when().get("/api/me")
                .then().statusCode(200).body("roles", hasItem("staff"));
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = token("outsider");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).when().get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
