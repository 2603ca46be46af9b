package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A wrong or dead Keycloak URL makes readiness DOWN (every authenticated request would fail), while
 * liveness stays UP (a restart would not help), both on the management interface only.
 */
@QuarkusTest
@TestProfile(ReadinessKeycloakDownTest.NoKeycloak.class)
class ReadinessKeycloakDownTest {
    public static class NoKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/nowhere");
        }
    }

    // relative to the management interface's root path, /q
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;
    @TestHTTPResource(value = "/health/live", management = true)
    URL live;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessIsDownWhileKeycloaksKeysCannotBeHad() {
        assertThat(ready.getPath()).isEqualTo("/q/health/ready");
        assertThat(ready.getPort()).isNotEqualTo(RestAssured.port);
        given().when().get(ready).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Keycloak signing keys' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Keycloak signing keys' }.data.server", equalTo("http://127.0.0.1:9/realms/nowhere"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().when().get(metrics).then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(200); // the contract stays with the API
    }
}
