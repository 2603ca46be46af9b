package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.grandjour.testsupport.LocalTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** nosniff on every API answer; personal data and errors are never stored by a cache, public reads revalidate. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ApiHeadersTest {
    @Test
    void publicReadsAreNoCache() {
        given().when().get("/api/editions").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-cache"));
        given().when().get("/api/territories").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void personalDataAndProblemsAreNoStore() {
        given().auth().oauth2(LocalTokens.resident("hdr-res", "62300")).when().get("/api/me").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-store"));
        given().auth().oauth2(LocalTokens.resident("hdr-res", "62300")).when().get("/api/me/tickets").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/me").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/nothing-here").then().statusCode(404)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/editions/abc/offers").then().statusCode(400)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", equalTo("no-store"));
    }
}
