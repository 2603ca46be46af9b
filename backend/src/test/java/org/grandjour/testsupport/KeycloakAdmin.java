package org.grandjour.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;

/**
 * The real Keycloak of the tests, as its admin API and token endpoint: makes throw-away users (as the
 * backend's service account) and logs them in with the password grant, like a resident would get a token.
 */
public final class KeycloakAdmin {
    private KeycloakAdmin() {
    }

    public static String realmUrl() {
        return ConfigProvider.getConfig().getValue("grandjour.keycloak.realm-url", String.class);
    }

    static String adminUrl() {
        return realmUrl().replaceFirst("/realms/", "/admin/realms/");
    }

    static String serviceToken() {
        return given().baseUri(realmUrl()).formParam("grant_type", "client_credentials")
                .formParam("client_id", "grandjour-admin").formParam("client_secret", "grandjour-admin-dev-secret")
                .when().post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** A resident with password = username; returns the Keycloak user id (the tokens' sub). */
    public static String createResident(String username, String email, String postcode, boolean emailVerified) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "firstName", "Test", "lastName", username,
                "email", email, "emailVerified", emailVerified, "attributes", Map.of("postcode", List.of(postcode)),
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false)));
        String location = given().baseUri(adminUrl()).auth().oauth2(serviceToken()).contentType("application/json").body(user)
                .when().post("/users").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static String postcodeOf(String userId) {
        List<String> values = given().baseUri(adminUrl()).auth().oauth2(serviceToken()).when().get("/users/" + userId)
                .then().statusCode(200).extract().path("attributes.postcode");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The password grant of the realm's CLI client (username = password for test users). */
    public static Response login(String username) {
        return given().baseUri(realmUrl()).formParam("grant_type", "password").formParam("client_id", "grandjour-cli")
                .formParam("username", username).formParam("password", username)
                .when().post("/protocol/openid-connect/token");
    }

    public static String token(String username) {
        return login(username).then().statusCode(200).extract().path("access_token");
    }
}
