package org.grandjour.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.edition.Edition;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** Eligibility from the token's postcode claim, with identities made by @TestSecurity. */
@QuarkusTest
class MeResourceTest {
    @Inject
    TestData data;

    Edition crossChannel;
    Edition frenchOnly;

    @BeforeEach
    void setUp() {
        LocalDate day = LocalDate.now().plusDays(20);
        Instant now = Instant.now();
        crossChannel = data.edition(day, day.plusDays(1), now, now.plus(Duration.ofDays(19)),
                TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        frenchOnly = data.edition(day, day.plusDays(1), now, now.plus(Duration.ofDays(19)),
                TestData.PAS_DE_CALAIS, TestData.NORD);
    }

    @Test
    @TestSecurity(user = "resident", roles = "resident")
    @OidcSecurity(claims = {@Claim(key = "postcode", value = "62300"), @Claim(key = "given_name", value = "Camille"),
            @Claim(key = "family_name", value = "Lefebvre")})
    void aPasDeCalaisResidentIsEligible() {
        given().queryParam("editionId", crossChannel.id).when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("resident"))
                .body("name", equalTo("Camille Lefebvre"))
                .body("roles", contains("resident"))
                .body("postcode", equalTo("62300"))
                .body("territory.code", equalTo("FR-62"))
                .body("territory.name.fr", equalTo("Pas-de-Calais"))
                .body("eligible", equalTo(true))
                .body("editionId", equalTo(crossChannel.id.intValue()));
    }

    @Test
    @TestSecurity(user = "resident-kent", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "ct1  2eh"))
    void aKentResidentIsEligibleOnlyWhereKentTakesPart() {
        given().queryParam("editionId", crossChannel.id).when().get("/api/me")
                .then().statusCode(200)
                .body("postcode", equalTo("CT1 2EH"))
                .body("territory.code", equalTo("GB-KEN"))
                .body("eligible", equalTo(true));
        given().queryParam("editionId", frenchOnly.id).when().get("/api/me")
                .then().statusCode(200)
                .body("territory.code", equalTo("GB-KEN"))
                .body("eligible", equalTo(false));
    }

    @Test
    @TestSecurity(user = "outsider", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "75001"))
    void aParisianIsNotEligible() {
        given().queryParam("editionId", crossChannel.id).when().get("/api/me")
                .then().statusCode(200)
                .body("territory", nullValue())
                .body("eligible", equalTo(false));
    }

    @Test
    @TestSecurity(user = "nopostcode", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "email", value = "x@example.org"))
    void anAccountWithoutPostcodeIsNotEligible() {
        given().queryParam("editionId", crossChannel.id).when().get("/api/me")
                .then().statusCode(200)
                .body("postcode", nullValue())
                .body("eligible", equalTo(false));
    }

    @Test
    @TestSecurity(user = "resident", roles = "resident")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62300"))
    void anUnknownEditionIsNotFound() {
        given().queryParam("editionId", 987654321).when().get("/api/me")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
