package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Keycloak unreachable: a token cannot be checked, which is a 503 problem, never a 500. */
@QuarkusTest
@TestProfile(LoginServiceDownTest.NoKeycloak.class)
class LoginServiceDownTest {
    public static class NoKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/nowhere");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIs503() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").when().get("/api/me")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("type", equalTo("https://grandjour.example/problems/service-unavailable"));
        given().when().get("/api/editions").then().statusCode(200); // public pages keep working
    }
}
