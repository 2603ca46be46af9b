package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every failure is application/problem+json with a stable type and no stack trace. */
@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknownRoutesAre404Problems() {
        // a malformed id on a known route is a 400 naming it (NumericParamsTest), no longer a 404
        for (String path : new String[] {"/api/no-such-thing", "/nowhere"}) {
            given().when().get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://grandjour.example/problems/not-found"))
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not found"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void wrongMethodIs405Problem() {
        given().contentType("application/json").body("{}").when().post("/api/editions")
                .then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/method-not-allowed"));
    }

    @Test
    void unacceptableMediaTypeIs406Problem() {
        given().accept("application/xml").when().get("/api/editions")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void problemsCarryNoStackTrace() {
        given().queryParam("day", "tomorrow").when().get("/api/editions/1/offers")
                .then().statusCode(400) // the filter is checked before the edition
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }
}
