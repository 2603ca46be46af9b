package org.grandjour.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.testsupport.TestData;
import org.grandjour.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
class EditionResourceTest {
    @Inject
    TestData data;

    @Test
    void listsEditionsWithTheirDaysWindowAndTerritories() {
        LocalDate first = LocalDate.now().plusDays(30);
        Instant now = Instant.now();
        Edition e = data.edition(first, first.plusDays(2), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(29)),
                TestData.PAS_DE_CALAIS, TestData.KENT);

        given().when().get("/api/editions")
                .then().statusCode(200)
                .body("find { it.id == " + e.id + " }.slug", equalTo(e.slug))
                .body("find { it.id == " + e.id + " }.days", contains(first.toString(), first.plusDays(1).toString(), first.plusDays(2).toString()))
                .body("find { it.id == " + e.id + " }.claimOpen", equalTo(true))
                .body("find { it.id == " + e.id + " }.territories.code", contains("FR-62", "GB-KEN"))
                .body("find { it.id == " + e.id + " }.territories[0].name.fr", equalTo("Pas-de-Calais"))
                .body("findAll { it.current }.size()", equalTo(1));
    }
}
