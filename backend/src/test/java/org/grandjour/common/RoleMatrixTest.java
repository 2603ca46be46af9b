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
    static final String[] PUBLIC = {"/api/editions", "/api/territories"};
    static final String[] AUTHENTICATED = {"/api/me"};

    @ParameterizedTest
    @ValueSource(strings = {"/api/editions", "/api/territories"})
    void publicEndpointsNeedNoToken(String path) {
        given().when().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/me"})
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
