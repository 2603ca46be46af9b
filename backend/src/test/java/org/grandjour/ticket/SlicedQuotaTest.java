package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.grandjour.admin.OfferAdminService;
import org.grandjour.attraction.Category;
import org.grandjour.common.ProblemException;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * A popular offer's places are split over several quota slices: claims on it spread over the slices,
 * yet the offer is never oversold, and no places are stranded in slices too small for any one party.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class SlicedQuotaTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    AgroalDataSource db;
    @Inject
    OfferAdminService admin;

    Edition edition;
    LocalDate day = LocalDate.now().plusDays(5);

    @BeforeEach
    void setUp() {
        edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(4)),
                TestData.PAS_DE_CALAIS);
    }

    Offer offer(int capacity) {
        return data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, capacity);
    }

    long remaining(Offer o) {
        return sql.number("select sum(remaining) from offer_quota where offer_id = ?", o.id);
    }

    long booked(Offer o) {
        return sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", o.id);
    }

    String resident() {
        return LocalTokens.resident(TestData.unique("q"), "62300");
    }

    @Test
    void partiesOfOneToFourRaceForASlicedOffer() throws Exception {
        Offer offer = offer(300);
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(8);
        String run = TestData.unique("s");

        // about 750 persons ask for 300 places
        List<Response> responses = Race.run(300, i -> Claims.claim(LocalTokens.resident(run + "-" + i, "62300"), offer.id, 1 + i % 4));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 409));
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isNotNegative();
        assertThat(booked(offer) + remaining(offer)).isEqualTo(300);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).mapToInt(r -> r.path("partySize")).sum())
                .isEqualTo((int) booked(offer));
        List<Integer> refused = java.util.stream.IntStream.range(0, responses.size())
                .filter(i -> responses.get(i).statusCode() == 409).map(i -> 1 + i % 4).boxed().toList();
        assertThat(refused).isNotEmpty();
        // a refused party did not fit in all the places left together: none stranded in small slices
        assertThat(remaining(offer)).isLessThan(refused.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).allSatisfy(r -> assertThat(r.<String>path("type")).endsWith("sold-out"));
    }

    @Test
    void aPartyIsTakenAcrossSlicesWhenNoOneSliceHasRoomForIt() {
        Offer offer = offer(256);
        data.setRemaining(offer, 8); // one place in each of the 8 slices
        Claims.claim(resident(), offer.id, 4).then().statusCode(201).body("offer.remaining", org.hamcrest.Matchers.equalTo(4));
        Claims.claim(resident(), offer.id, 3).then().statusCode(201);
        Claims.claim(resident(), offer.id, 2).then().statusCode(409).body("remaining", org.hamcrest.Matchers.equalTo(1));
        Claims.claim(resident(), offer.id, 1).then().statusCode(201);
        assertThat(remaining(offer)).isZero();
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isZero();
        assertThat(booked(offer)).isEqualTo(8); // the rest was taken before (setRemaining)
    }

    @Test
    void aClaimWaitsForABusySliceRatherThanBeingRefused() throws Exception {
        Offer offer = offer(256);
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            other.createStatement().execute("select * from offer_quota where offer_id = " + offer.id + " for update");
            CompletableFuture<Integer> claim = CompletableFuture.supplyAsync(() -> Claims.claim(resident(), offer.id, 2).statusCode());
            Thread.sleep(500);
            assertThat(claim).isNotDone(); // every slice is held by another transaction: it waits
            other.commit();
            assertThat(claim.get(10, TimeUnit.SECONDS)).isEqualTo(201);
        }
        assertThat(remaining(offer)).isEqualTo(254);
    }

    @Test
    void aCancelledPartysPlacesCanBeClaimedAgain() {
        Offer offer = offer(256);
        data.setRemaining(offer, 3);
        String first = resident();
        int id = Claims.claim(first, offer.id, 3).then().statusCode(201).extract().path("id");
        Claims.claim(resident(), offer.id, 1).then().statusCode(409);
        given().auth().oauth2(first).when().delete("/api/tickets/" + id).then().statusCode(204);
        assertThat(remaining(offer)).isEqualTo(3);
        Claims.claim(resident(), offer.id, 3).then().statusCode(201);
        assertThat(remaining(offer)).isZero();
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isZero();
    }

    @Test
    void capacityChangesOfASlicedOfferKeepBookedPlacesAndSpreadTheRest() {
        Offer offer = offer(40); // one slice
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            Claims.claim(resident(), offer.id, 4).then().statusCode(201);
        }
        assertThat(admin.changeCapacity("test", offer.id, 400).remaining()).isEqualTo(388);
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(8);
        assertThat(sql.number("select max(remaining) - min(remaining) from offer_quota where offer_id = ?", offer.id)).isLessThanOrEqualTo(1);

        assertThat(admin.changeCapacity("test", offer.id, 20).remaining()).isEqualTo(8);
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(8);
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(1);
        try {
            admin.changeCapacity("test", offer.id, 11);
            throw new AssertionError("capacity below booked accepted");
        } catch (ProblemException e) {
            assertThat(e.getMessage()).contains("12 persons are already booked");
        }
        assertThat(admin.changeCapacity("test", offer.id, 12).remaining()).isZero();
        assertThat(remaining(offer)).isZero();
        assertThat(sql.number("select capacity from offer where id = ?", offer.id)).isEqualTo(12);
        Claims.claim(resident(), offer.id, 1).then().statusCode(409);
    }

    @Test
    void aCapacityChangeRacingClaimsLosesNoPlaces() throws Exception {
        Offer offer = offer(64); // two slices, eight once grown
        String run = TestData.unique("cap");
        List<Integer> statuses = Race.run(41, i -> i == 20
                ? admin.changeCapacity("test", offer.id, 300).capacity()
                : Claims.claim(LocalTokens.resident(run + "-" + i, "62300"), offer.id, 1 + i % 4).statusCode());

        assertThat(statuses.remove(20)).isEqualTo(300);
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(201, 409));
        assertThat(sql.number("select capacity from offer where id = ?", offer.id)).isEqualTo(300);
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(8);
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isNotNegative();
        assertThat(booked(offer) + remaining(offer)).isEqualTo(300);
    }

    @Test
    void capacityChangesRacingEachOtherAndClaimsKeepTheQuotaExact() throws Exception {
        Offer offer = offer(40); // one slice: the first change to grow it adds seven
        String run = TestData.unique("caps");
        int[] capacities = {200, 300, 120, 500, 80, 260, 400, 150};
        List<Integer> results = Race.run(40, i -> i % 5 == 0
                ? changeCapacityOrStatus(offer, capacities[i / 5])
                : Claims.claim(LocalTokens.resident(run + "-" + i, "62300"), offer.id, 1 + i % 4).statusCode());

        assertThat(results).allSatisfy(r -> assertThat(r).isIn(201, 409, 200, 300, 120, 500, 80, 260, 400, 150));
        long capacity = sql.number("select capacity from offer where id = ?", offer.id);
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ?", offer.id)).isEqualTo(8);
        assertThat(sql.number("select min(remaining) from offer_quota where offer_id = ?", offer.id)).isNotNegative();
        assertThat(booked(offer) + remaining(offer)).isEqualTo(capacity);
    }

    /** The new capacity, or 409 when it was below what was booked by then. */
    int changeCapacityOrStatus(Offer offer, int capacity) {
        try {
            return admin.changeCapacity("test", offer.id, capacity).capacity();
        } catch (ProblemException e) {
            return 409;
        }
    }
}
