package org.grandjour.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Property: whatever random mix of claims, cancellations, partial admissions, retries, bad codes and
 * offline batches happens, the live figures equal a recount from the raw ticket and scan rows.
 * Each seed is a different random history; a failure names its seed so it can be replayed.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class StatsRecountTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;

    record Held(long id, String payload, String owner, long offerId, boolean today) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2010, 62300, 424242})
    void liveFiguresEqualARecountFromRawRows(long seed) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Edition edition = data.edition(today, today.plusDays(1), Instant.now().minus(Duration.ofDays(3)),
                Instant.now().plus(Duration.ofDays(2)), TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        List<Attraction> doors = List.of(data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM),
                data.attraction(TestData.KENT, Category.HERITAGE), data.attraction(TestData.NORD, Category.NATURE));
        List<Offer> offers = new ArrayList<>();
        for (Attraction a : doors) {
            offers.add(data.offer(edition, a, today, 5 + random.nextInt(20)));
            offers.add(data.offer(edition, a, today.plusDays(1), 5 + random.nextInt(20)));
        }
        String staffName = TestData.unique("staff");
        doors.forEach(d -> data.assign(staffName, d));
        String staff = LocalTokens.token(staffName, "62000", "staff");
        String[] postcodes = {"62300", "59000", "CT1 2EH", "62100"};
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            residents.add(LocalTokens.resident(TestData.unique("p" + seed), postcodes[i % postcodes.length]));
        }
        List<Held> held = new ArrayList<>();
        List<String> batch = new ArrayList<>();

        for (int step = 0; step < 90; step++) {
            int op = random.nextInt(10);
            if (op < 4 || held.isEmpty()) {
                String owner = residents.get(random.nextInt(residents.size()));
                Offer offer = offers.get(random.nextInt(offers.size()));
                Response r = given().auth().oauth2(owner).contentType("application/json")
                        .body(Map.of("offerId", offer.id, "partySize", 1 + random.nextInt(4))).post("/api/tickets");
                assertThat(r.statusCode()).as("seed %d step %d claim", seed, step).isIn(201, 409);
                if (r.statusCode() == 201) {
                    held.add(new Held(((Number) r.path("id")).longValue(), r.path("qrPayload"), owner, offer.id, offer.day.equals(today)));
                }
            } else if (op < 5) {
                Held h = held.get(random.nextInt(held.size()));
                int status = given().auth().oauth2(h.owner()).delete("/api/tickets/" + h.id()).statusCode();
                assertThat(status).as("seed %d step %d cancel", seed, step).isIn(204, 409);
            } else if (op < 8) {
                Held h = held.get(random.nextInt(held.size()));
                Attraction door = random.nextInt(8) == 0 ? doors.get(random.nextInt(doors.size()))
                        : doors.get(offers.indexOf(offers.stream().filter(o -> o.id == h.offerId()).findFirst().orElseThrow()) / 2);
                String code = random.nextInt(10) == 0 ? h.payload().substring(0, h.payload().length() - 3) + "abc" : h.payload();
                Map<String, Object> scan = scan(code, door.id, random.nextBoolean() ? null : 1 + random.nextInt(3));
                Response r = given().auth().oauth2(staff).contentType("application/json").body(scan).post("/api/scans");
                assertThat(r.statusCode()).as("seed %d step %d scan", seed, step).isEqualTo(200);
                if (random.nextInt(5) == 0) { // the device did not get the answer and sends the same scan again
                    given().auth().oauth2(staff).contentType("application/json").body(scan).post("/api/scans").then().statusCode(200);
                }
            } else {
                Held h = held.get(random.nextInt(held.size()));
                Attraction door = doors.get(offers.indexOf(offers.stream().filter(o -> o.id == h.offerId()).findFirst().orElseThrow()) / 2);
                Map<String, Object> scan = new java.util.HashMap<>(scan(h.payload(), door.id, null));
                scan.put("localVerdict", "ADMITTED");
                scan.put("scannedAt", Instant.now().minusSeconds(random.nextInt(600)).toString());
                given().auth().oauth2(staff).contentType("application/json").body(Map.of("scans", List.of(scan)))
                        .post("/api/scans/batch").then().statusCode(200);
            }
        }

        JsonPath stats = given().auth().oauth2(LocalTokens.token(TestData.unique("org"), "62000", "organiser"))
                .get("/api/editions/" + edition.id + "/stats").then().statusCode(200).extract().jsonPath();
        String offerIds = offers.stream().map(o -> o.id.toString()).reduce((a, b) -> a + "," + b).orElseThrow();

        for (Offer o : offers) {
            String at = "byAttraction.find { it.offerId == " + o.id + " }.figures.";
            String where = "seed " + seed + " offer " + o.id;
            long booked = sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", o.id);
            assertThat(stats.getLong(at + "offered")).as(where).isEqualTo(o.capacity);
            assertThat(stats.getLong(at + "booked")).as(where).isEqualTo(booked);
            assertThat(stats.getLong(at + "tickets")).as(where)
                    .isEqualTo(sql.number("select count(*) from ticket where offer_id = ? and status = 'ACTIVE'", o.id));
            assertThat(stats.getLong(at + "cancelled")).as(where)
                    .isEqualTo(sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'CANCELLED'", o.id));
            assertThat(stats.getLong(at + "admitted")).as(where)
                    .isEqualTo(sql.number("select coalesce(sum(persons_admitted), 0) from ticket where offer_id = ?", o.id))
                    .isEqualTo(sql.number("select coalesce(sum(s.persons_admitted), 0) from scan s join ticket t on t.id = s.ticket_id "
                            + "where t.offer_id = ? and s.verdict = 'ADMITTED'", o.id));
            assertThat(booked + sql.number("select sum(remaining) from offer_quota where offer_id = ?", o.id)).as(where).isEqualTo(o.capacity);
        }
        assertThat(stats.getLong("overall.booked")).isEqualTo(sql.number(
                "select coalesce(sum(party_size), 0) from ticket where status = 'ACTIVE' and offer_id in (" + offerIds + ")"));
        for (Attraction door : doors) {
            for (String verdict : List.of("ADMITTED", "ALREADY_USED", "WRONG_ATTRACTION", "WRONG_DAY", "CANCELLED", "INVALID")) {
                Integer counted = stats.get("verdicts.find { it.attractionId == " + door.id + " && it.verdict == '" + verdict + "' }.scans");
                assertThat(counted == null ? 0L : counted.longValue()).as("seed %d door %d %s", seed, door.id, verdict)
                        .isEqualTo(sql.number("select count(*) from scan where attraction_id = ? and verdict = ?", door.id, verdict));
            }
            assertThat(stats.getList("arrivals.findAll { it.attractionId == " + door.id + " }.persons", Integer.class).stream()
                    .mapToLong(Integer::longValue).sum()).as("seed %d arrivals at %d", seed, door.id)
                    .isEqualTo(sql.number("select coalesce(sum(persons_admitted), 0) from scan where attraction_id = ? and verdict = 'ADMITTED'", door.id));
        }
        long crossBooked = stats.getList("crossBorder.booked", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertThat(crossBooked).isEqualTo(stats.getLong("overall.booked"));
        assertThat(stats.getLong("crossBorder.find { it.residentTerritory == 'GB-KEN' && it.attractionTerritory == 'FR-62' }.admitted ?: 0"))
                .isEqualTo(sql.number("select coalesce(sum(t.persons_admitted), 0) from ticket t join territory r on r.id = t.holder_territory_id "
                        + "join offer o on o.id = t.offer_id join attraction a on a.id = o.attraction_id join territory at on at.id = a.territory_id "
                        + "where r.code = 'GB-KEN' and at.code = 'FR-62' and o.edition_id = ?", edition.id));
    }

    private static Map<String, Object> scan(String code, long attractionId, Integer persons) {
        Map<String, Object> scan = new java.util.HashMap<>(Map.of("code", code, "attractionId", attractionId, "deviceId", "dev",
                "scanId", UUID.randomUUID().toString(), "scannedAt", Instant.now().toString()));
        if (persons != null) {
            scan.put("persons", persons);
        }
        return scan;
    }
}
