package org.grandjour.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/** An organiser creates a door-staff account: it really exists in the real Keycloak, with the staff role. */
@QuarkusTest
class StaffAccountTest {
    @jakarta.inject.Inject
    TestData data;
    @ConfigProperty(name = "grandjour.keycloak.realm-url")
    String realm;
    String username = TestData.unique("volunteer");

    String serviceToken() {
        return given().baseUri(realm).formParam("grant_type", "client_credentials").formParam("client_id", "grandjour-admin")
                .formParam("client_secret", "grandjour-admin-dev-secret").post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    String admin() {
        return realm.replace("/realms/", "/admin/realms/");
    }

    @AfterEach
    void removeAccount() {
        List<String> ids = given().auth().oauth2(serviceToken()).queryParam("username", username).queryParam("exact", true)
                .get(admin() + "/users").then().extract().path("id");
        for (String id : ids) {
            given().auth().oauth2(serviceToken()).delete(admin() + "/users/" + id).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "organiser", roles = "organiser")
    @OidcSecurity(claims = @Claim(key = "postcode", value = "62000"))
    void anOrganiserCreatesAStaffAccountInKeycloak() {
        Attraction door = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        Map<String, Object> account = Map.of("username", username, "firstName", "Vol", "lastName", "Unteer",
                "email", username + "@example.org", "postcode", "62000", "temporaryPassword", "first-login-1",
                "attractionIds", List.of(door.id));
        given().contentType("application/json").body(account).post("/api/admin/staff/accounts").then().statusCode(201)
                .body("username", equalTo(username)).body("attractionIds[0]", equalTo(door.id.intValue()));

        String id = given().auth().oauth2(serviceToken()).queryParam("username", username).queryParam("exact", true)
                .get(admin() + "/users").then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(serviceToken()).get(admin() + "/users/" + id + "/role-mappings/realm").then().statusCode(200)
                .body("name", hasItem("staff"));
        given().contentType("application/json").body(account).post("/api/admin/staff/accounts").then().statusCode(409)
                .contentType("application/problem+json");
    }
}
