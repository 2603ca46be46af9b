package org.grandjour.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OfferResourceTest {
    @Inject
    TestData data;

    LocalDate saturday = LocalDate.now().plusDays(40);
    LocalDate sunday = saturday.plusDays(1);
    Edition edition;
    Attraction museum;
    Attraction castle;

    @BeforeEach
    void setUp() {
        Instant now = Instant.now();
        edition = data.edition(saturday, sunday, now, now.plus(Duration.ofDays(39)), TestData.PAS_DE_CALAIS, TestData.KENT);
        museum = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        castle = data.attraction(TestData.KENT, Category.HERITAGE);
        data.offer(edition, museum, saturday, 300);
        data.offer(edition, museum, sunday, 250);
        data.offer(edition, castle, sunday, 800);
    }

    String offers() {
        return "/api/editions/" + edition.id + "/offers";
    }

    @Test
    void listsEveryOfferWithItsAttractionAndPlacesLeft() {
        given().when().get(offers())
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("capacity", containsInAnyOrder(300, 250, 800))
                .body("remaining", containsInAnyOrder(300, 250, 800))
                .body("find { it.capacity == 800 }.attraction.slug", equalTo(castle.slug))
                .body("find { it.capacity == 800 }.attraction.territory.code", equalTo("GB-KEN"))
                .body("find { it.capacity == 800 }.attraction.name.en", equalTo(castle.nameEn))
                .body("find { it.capacity == 800 }.day", equalTo(sunday.toString()))
                .body("timeZone", everyItem(equalTo("Europe/Paris"))); // the edition's, even for Kent's castle
    }

    @Test
    void filtersByDayTerritoryAndCategory() {
        given().queryParam("day", sunday.toString()).when().get(offers())
                .then().statusCode(200).body("capacity", containsInAnyOrder(250, 800));
        given().queryParam("territory", "FR-62").when().get(offers())
                .then().statusCode(200).body("capacity", contains(300, 250));
        given().queryParam("category", "heritage").when().get(offers())
                .then().statusCode(200).body("capacity", contains(800));
        given().queryParam("day", saturday.toString()).queryParam("territory", "GB-KEN").when().get(offers())
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void inactiveAttractionsAreNotOffered() {
        data.deactivate(castle);
        given().when().get(offers()).then().statusCode(200).body("capacity", containsInAnyOrder(300, 250));
    }

    @Test
    void badFiltersAndUnknownEditionsAreProblems() {
        given().queryParam("day", "27/03/2010").when().get(offers())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/validation-failed"))
                .body("errors[0].field", equalTo("day"));
        given().queryParam("category", "ZOO").when().get(offers())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        given().when().get("/api/editions/987654321/offers")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://grandjour.example/problems/not-found"))
                .body("detail", equalTo("Edition 987654321 does not exist."));
    }
}
