package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.grandjour.testsupport.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A number in a path or query that is not one (or out of range) is the client's mistake: 400, not 404. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class NumericParamsTest {
    static final String INVALID = "https://grandjour.example/problems/validation-failed";

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "9223372036854775808", "1e309", "1.5", "%20"})
    void aBadIdInThePathIsA400NamingIt(String id) {
        given().urlEncodingEnabled(false).when().get("/api/editions/" + id + "/offers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(INVALID)).body("errors[0].field", equalTo("editionId"));
        given().urlEncodingEnabled(false).auth().oauth2(LocalTokens.resident("num-res", "62300"))
                .when().get("/api/tickets/" + id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    @Test
    void aWellFormedIdThatDoesNotExistIsStillA404() {
        given().auth().oauth2(LocalTokens.resident("num-res", "62300")).when().get("/api/tickets/9223372036854775807")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "119", "2049", "0", "2147483648"})
    void aQrSizeOutOf120To2048IsA400(String size) {
        given().auth().oauth2(LocalTokens.resident("num-res", "62300")).when().get("/api/tickets/1/qr.png?size=" + size)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void aBadOptionalQueryNumberIsA400() {
        given().auth().oauth2(LocalTokens.resident("num-res", "62300")).when().get("/api/me?editionId=x")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("editionId"));
    }
}
