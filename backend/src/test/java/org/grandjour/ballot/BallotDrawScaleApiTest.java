package org.grandjour.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A draw of 20,000 applications over 40 offers through the API: timed, and never more persons than places.
 * The scale (200,000 applications over 240 offers) is the same test with
 * {@code -Dballot.scale.applications=200000 -Dballot.scale.offers=240}; the benchmark measures it against the target.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class BallotDrawScaleApiTest {
    @Inject
    TestData data;
    @Inject
    BallotFixture ballot;
    @Inject
    Sql sql;

    @Test
    void twentyThousandApplications() {
        int applications = Integer.getInteger("ballot.scale.applications", 20_000);
        int offerCount = Integer.getInteger("ballot.scale.offers", 40);
        LocalDate day = LocalDate.now().plusDays(30);
        Edition edition = data.edition(day, day.plusDays(1), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        ballot.ballot(edition, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), 5);
        List<Long> offers = new ArrayList<>();
        for (int i = 0; i < offerCount; i++) {
            offers.add(data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day.plusDays(i % 2), 100).id);
        }
        ballot.manyApplications(edition, offers.toArray(Long[]::new), applications, TestData.unique("scale"));
        ballot.close(edition);

        // the snapshot is frozen when the window closes (BallotFreezeJob; here the first read of the public
        // report, which freezes it the same way), before the draw: timed apart
        long freezeStart = System.nanoTime();
        given().when().get("/api/editions/" + edition.id + "/draw").then().statusCode(200)
                .body("stage", org.hamcrest.Matchers.equalTo("CLOSED"));
        long freezeMillis = (System.nanoTime() - freezeStart) / 1_000_000;

        long start = System.nanoTime();
        Response drawn = given().auth().oauth2(LocalTokens.token(TestData.unique("org"), "62000", "organiser")).contentType("application/json")
                .body(Map.of("publicValue", "scale")).when().post("/api/admin/editions/" + edition.id + "/draw");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(drawn.statusCode()).as(drawn.asString()).isEqualTo(200);
        System.out.printf("BALLOT-DRAW-SCALE: %d applications, %d offers x 100 places: snapshot frozen at close in %d ms;"
                + " draw through the API in %d ms, %d winners%n",
                applications, offerCount, freezeMillis, millis, drawn.<Integer>path("figures.winners"));
        assertThat(sql.number("""
                select count(*) from offer o where o.edition_id = ? and o.capacity <
                    (select coalesce(sum(t.party_size), 0) from ticket t where t.offer_id = o.id and t.status = 'ACTIVE')""", edition.id))
                .isZero();
        assertThat(sql.number("select count(*) from ticket where edition_id = ?", edition.id)).isEqualTo((long) drawn.<Integer>path("figures.winners"));
        // the organisers' live figures count the ballot's tickets as they count claims
        assertThat(sql.number("select coalesce(sum(c.booked_tickets), 0) from offer_counter c join offer o on o.id = c.offer_id where o.edition_id = ?",
                edition.id)).isEqualTo(sql.number("select count(*) from ticket where edition_id = ?", edition.id));
        assertThat(sql.number("select coalesce(sum(c.booked_persons), 0) from offer_counter c join offer o on o.id = c.offer_id where o.edition_id = ?",
                edition.id)).isEqualTo(sql.number("select sum(party_size) from ticket where edition_id = ?", edition.id));
        assertThat(millis).isLessThan(120_000);
    }
}
