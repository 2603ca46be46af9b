package org.grandjour.walkup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.common.Problem;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Walk-ups at the door: who may come in without a ticket, when, and that the figures count them exactly once. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class WalkUpTest {
    private static final String PROBLEMS = Problem.TYPE_BASE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    AgroalDataSource db;

    LocalDate today;
    Edition edition;
    Attraction door;
    String staffName;
    String staff;

    @BeforeEach
    void door() {
        today = LocalDate.now(PARIS);
        edition = data.edition(today, today.plusDays(1), Instant.now().minus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS, TestData.KENT);
        door = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        staffName = TestData.unique("door");
        data.assign(staffName, door);
        staff = LocalTokens.token(staffName, "62000", "staff");
    }

    /** An offer of today open all day, whose walk-up time (the whole day) is now. */
    private Offer openNow(int capacity) {
        Offer offer = data.offer(edition, door, today, capacity);
        data.openingHours(offer, LocalTime.MIN, LocalTime.of(23, 59, 59));
        data.walkUps(edition, 1440);
        return offer;
    }

    private Response walkUp(String token, UUID id, long attractionId, int persons, String postcode) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"walkUpId\": \"" + id + "\", \"attractionId\": " + attractionId + ", \"deviceId\": \"door-1\", \"persons\": "
                        + persons + ", \"postcode\": \"" + postcode + "\"}")
                .when().post("/api/walk-ups");
    }

    @Test
    void anEligiblePartyIsAdmittedOnAFreePlaceAndCountedOnce() {
        Offer offer = openNow(10);
        UUID id = UUID.randomUUID();
        walkUp(staff, id, door.id, 3, "ct1 2eh").then().statusCode(200)
                .body("persons", equalTo(3)).body("territory", equalTo(TestData.KENT)).body("placesLeft", equalTo(7))
                .body("offerId", equalTo(offer.id.intValue())).body("replayed", equalTo(false));
        // sent again (the door's network dropped the answer): the first answer, nothing counted twice
        walkUp(staff, id, door.id, 3, "CT1 2EH").then().statusCode(200).body("replayed", equalTo(true)).body("placesLeft", equalTo(7));
        walkUp(staff, id, door.id, 2, "CT1 2EH").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));

        assertThat(sql.number("select count(*) from ticket where offer_id = ? and walk_up and persons_admitted = 3 and party_size = 3",
                offer.id)).isEqualTo(1);
        assertThat(sql.number("select count(*) from scan s join ticket t on t.id = s.ticket_id where t.offer_id = ? and s.verdict = 'ADMITTED'"
                + " and s.persons_admitted = 3 and s.staff_username = ?", offer.id, staffName)).isEqualTo(1);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(7);
        // the live figures count it as booked and admitted, from the resident's territory
        assertThat(sql.number("select sum(booked_persons) from offer_counter where offer_id = ?", offer.id)).isEqualTo(3);
        assertThat(sql.number("select sum(admitted_persons) from offer_counter where offer_id = ?", offer.id)).isEqualTo(3);
        assertThat(sql.number("select sum(c.admitted_persons) from offer_origin_counter c join territory t on t.id = c.territory_id"
                + " where c.offer_id = ? and t.code = ?", offer.id, TestData.KENT)).isEqualTo(3);

        given().auth().oauth2(staff).when().get("/api/walk-ups/" + door.id).then().statusCode(200)
                .body("open", equalTo(true)).body("placesLeft", equalTo(7)).body("offerId", equalTo(offer.id.intValue()));
    }

    @Test
    void refusalsSayWhy() {
        Offer offer = openNow(4);
        walkUp(staff, UUID.randomUUID(), door.id, 2, "75001").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-eligible"));
        walkUp(staff, UUID.randomUUID(), door.id, 7, "62300").then().statusCode(400); // over the edition's party size (6)
        walkUp(staff, UUID.randomUUID(), door.id, 2, "hello").then().statusCode(400).contentType("application/problem+json");
        walkUp(staff, UUID.randomUUID(), door.id, 0, "62300").then().statusCode(400);
        walkUp(staff, UUID.randomUUID(), door.id, 5, "62300").then().statusCode(409).body("type", equalTo(PROBLEMS + "sold-out"));
        Attraction elsewhere = data.attraction(TestData.PAS_DE_CALAIS, Category.HERITAGE);
        walkUp(staff, UUID.randomUUID(), elsewhere.id, 1, "62300").then().statusCode(403).body("type", equalTo(PROBLEMS + "not-assigned"));
        walkUp(LocalTokens.resident(TestData.unique("resident"), "62300"), UUID.randomUUID(), door.id, 1, "62300").then().statusCode(403);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"walkUpId\": \"not-a-uuid\"}").when().post("/api/walk-ups")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(sql.number("select count(*) from ticket where offer_id = ?", offer.id)).isZero();

        data.walkUps(edition, null); // the edition takes no walk-ups
        walkUp(staff, UUID.randomUUID(), door.id, 1, "62300").then().statusCode(409).body("type", equalTo(PROBLEMS + "walk-ups-closed"));
        given().auth().oauth2(staff).when().get("/api/walk-ups/" + door.id).then().statusCode(204);
    }

    @Test
    void placesHandedOutBeyondTheCapacityAreNotForWalkUps() {
        Offer offer = openNow(4);
        // overbooked by 2 (as the overbooking service does: the allowance is in the quota with the capacity)
        sql.update("update offer set overbooking_allowance = 2, overbooking_history_parties = 100 where id = ?", offer.id);
        data.setRemaining(offer, 6);
        given().auth().oauth2(staff).when().get("/api/walk-ups/" + door.id).then().statusCode(200).body("placesLeft", equalTo(4));
        walkUp(staff, UUID.randomUUID(), door.id, 5, "62300").then().statusCode(409).body("type", equalTo(PROBLEMS + "sold-out"));
        walkUp(staff, UUID.randomUUID(), door.id, 4, "62300").then().statusCode(200).body("placesLeft", equalTo(0));
        walkUp(staff, UUID.randomUUID(), door.id, 1, "62300").then().statusCode(409).body("type", equalTo(PROBLEMS + "sold-out"));
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(2);
    }

    @Test
    void aClaimInFlightIsCountedBeforeTheWalkUpIsChecked() throws Exception {
        Offer offer = openNow(4);
        sql.update("update offer set overbooking_allowance = 2, overbooking_history_parties = 100 where id = ?", offer.id);
        data.setRemaining(offer, 6); // 4 places free within the capacity, 2 handed out beyond it
        try (java.sql.Connection claim = db.getConnection()) {
            // A claim of 3 in flight, as a claim takes places: on the quota's rows, without the offer's lock.
            claim.setAutoCommit(false);
            for (int place = 0; place < 3; place++) { // one place at a time, from whichever slice holds the most
                try (var s = claim.prepareStatement("update offer_quota set remaining = remaining - 1 where offer_id = ? and slice = "
                        + "(select slice from offer_quota where offer_id = ? and remaining > 0 order by remaining desc, slice limit 1)")) {
                    s.setLong(1, offer.id);
                    s.setLong(2, offer.id);
                    assertThat(s.executeUpdate()).isEqualTo(1);
                }
            }
            assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(6);
            var walkUp = java.util.concurrent.CompletableFuture.supplyAsync(() -> walkUp(staff, UUID.randomUUID(), door.id, 2, "62300"));
            // The walk-up waits on the claim's rows (its check must count them) ...
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sql.number("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") == 0) {
                assertThat(walkUp).as("the walk-up answered without waiting for the claim in flight").isNotDone();
                assertThat(System.nanoTime()).as("the walk-up never waited on a lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            claim.commit(); // ... which leaves 1 place within the capacity: not enough for 2
            walkUp.get(60, java.util.concurrent.TimeUnit.SECONDS).then().statusCode(409).body("type", equalTo(PROBLEMS + "sold-out"));
        }
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(3);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and walk_up", offer.id)).isZero();
    }

    @Test
    void outsideTheLastMinutesOfTheOpeningHoursNobodyWalksUp() {
        Offer offer = data.offer(edition, door, today, 10);
        LocalTime now = LocalTime.now(PARIS);
        // the door closed an hour ago (walk-up time over), or, just after midnight, closes at the end of the day
        LocalTime closes = now.getHour() >= 2 ? now.minusHours(1) : LocalTime.of(23, 59);
        data.openingHours(offer, LocalTime.MIN, closes);
        data.walkUps(edition, 30);
        walkUp(staff, UUID.randomUUID(), door.id, 1, "62300").then().statusCode(409).body("type", equalTo(PROBLEMS + "walk-ups-closed"));
        given().auth().oauth2(staff).when().get("/api/walk-ups/" + door.id).then().statusCode(200).body("open", equalTo(false));
        assertThat(sql.number("select count(*) from ticket where offer_id = ?", offer.id)).isZero();
    }

    @Test
    void aRushOfWalkUpsAndTheirRetriesNeverOverfillsTheDoor() throws Exception {
        Offer offer = openNow(10);
        List<UUID> ids = java.util.stream.IntStream.range(0, 25).mapToObj(i -> UUID.randomUUID()).toList();
        // 25 parties of one, each sent twice at once, for 10 places
        List<Integer> statuses = Race.run(50, i -> walkUp(staff, ids.get(i % 25), door.id, 1, "62300").statusCode());
        assertThat(statuses).containsOnly(200, 409);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and walk_up", offer.id)).isEqualTo(10);
        assertThat(sql.number("select count(distinct holder_subject) from ticket where offer_id = ? and walk_up", offer.id)).isEqualTo(10);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isZero();
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and persons_admitted <> party_size", offer.id)).isZero();
        assertThat(sql.number("select count(*) from scan s join ticket t on t.id = s.ticket_id where t.offer_id = ? and s.verdict = 'ADMITTED'",
                offer.id)).isEqualTo(10);
        assertThat(sql.number("select sum(admitted_persons) from offer_counter where offer_id = ?", offer.id)).isEqualTo(10);
        // every id that got in answers 200 both times; the others were refused both times
        long admittedAnswers = statuses.stream().filter(s -> s == 200).count();
        assertThat(admittedAnswers).isBetween(10L, 20L);
    }
}
