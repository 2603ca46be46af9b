package org.grandjour.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * DOOR_FULL: an overbooked offer's door stops at its capacity, whatever the number of devices scanning at once;
 * ordinary offers and offline admissions are judged as before. The database is checked afterwards.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class DoorFullTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    ScanFixture door;
    Attraction full;

    @BeforeEach
    void setUp() {
        door = new ScanFixture(data);
        full = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        data.assign(door.staffName, full);
    }

    /** An offer of {@code full} today with places handed out beyond its capacity, as OverbookingService would. */
    private Offer overbooked(int capacity, int allowance) {
        Offer o = data.offer(door.edition, full, door.today, capacity);
        sql.update("update offer set overbooking_allowance = ?, overbooking_history_parties = 40, overbooking_show_rate = 0.7 where id = ?",
                allowance, o.id);
        sql.update("update offer_quota set remaining = remaining + ? where offer_id = ? and slice = 0", allowance, o.id);
        return o;
    }

    private Response scanAtFull(String code, UUID scanId) {
        return door.scan(door.staff, code, full.id, "device-" + scanId.toString().substring(0, 4), scanId, Instant.now(), null);
    }

    @Test
    void twentyPartiesAtOnceNeverTakeTheDoorBeyondItsCapacity() throws Exception {
        Offer offer = overbooked(21, 19); // 40 places: 20 parties of 2, room for 10 of them (one place left over)
        Offer tomorrow = data.offer(door.edition, full, door.today.plusDays(1), 50);
        Offer elsewhere = data.offer(door.edition, door.otherDoor, door.today, 30);
        List<String[]> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(door.ticket(offer, 2));
        }

        List<Response> results = Race.run(20, i -> scanAtFull(tickets.get(i)[1], UUID.randomUUID()));

        assertThat(results).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        List<Response> admitted = results.stream().filter(r -> "ADMITTED".equals(r.path("verdict"))).toList();
        List<Response> turnedAway = results.stream().filter(r -> "DOOR_FULL".equals(r.path("verdict"))).toList();
        assertThat(admitted).hasSize(10);
        assertThat(turnedAway).hasSize(10);
        assertThat(turnedAway).allSatisfy(r -> {
            assertThat(r.<Integer>path("personsAdmittedNow")).isZero();
            assertThat(r.<String>path("reason")).startsWith("Door full");
            List<Map<String, Object>> alternatives = r.path("alternatives");
            // the same attraction tomorrow first, then the same day elsewhere, most places first
            assertThat(alternatives).extracting(a -> ((Number) a.get("offerId")).longValue())
                    .containsExactly(tomorrow.id, door.offer.id, elsewhere.id);
            assertThat(alternatives.get(0)).containsEntry("sameAttraction", true).containsEntry("placesLeft", 50)
                    .containsEntry("day", door.today.plusDays(1).toString());
            assertThat(alternatives.get(2)).containsEntry("placesLeft", 30).containsEntry("sameAttraction", false);
            @SuppressWarnings("unchecked")
            Map<String, String> name = (Map<String, String>) alternatives.get(2).get("attractionName");
            assertThat(name).containsEntry("fr", door.otherDoor.nameFr).containsEntry("en", door.otherDoor.nameEn);
        });

        // the database: never beyond the capacity, each party in at most once
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(20);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and persons_admitted not in (0, 2)", offer.id)).isZero();
        assertThat(sql.number("""
                select count(*) from (select ticket_id from scan where verdict = 'ADMITTED' and ticket_id in
                (select id from ticket where offer_id = ?) group by ticket_id having count(*) > 1) x""", offer.id)).isZero();
        assertThat(sql.number("select count(*) from scan s join ticket t on t.id = s.ticket_id where t.offer_id = ? and s.verdict = 'DOOR_FULL'",
                offer.id)).isEqualTo(10);

        // the dashboard counts them per offer and in total, and so does the CSV (its last column)
        String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");
        JsonPath stats = given().auth().oauth2(organiser).get("/api/editions/" + door.edition.id + "/stats")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("byAttraction.find { it.offerId == " + offer.id + " }.figures.doorFullScans")).isEqualTo(10);
        assertThat(stats.getLong("byAttraction.find { it.offerId == " + door.offer.id + " }.figures.doorFullScans")).isZero();
        assertThat(stats.getLong("overall.doorFullScans")).isEqualTo(10);
        String[] lines = given().auth().oauth2(organiser).get("/api/editions/" + door.edition.id + "/stats.csv")
                .then().statusCode(200).extract().asString().replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).endsWith(",walk_up_persons,door_full_scans,refill_ms_median,expected_no_shows");
        int doorFullColumn = List.of(lines[0].split(",")).indexOf("door_full_scans");
        assertThat(List.of(lines)).anySatisfy(l -> {
            assertThat(l).startsWith(full.slug + ",");
            assertThat(l.split(",", -1)[doorFullColumn]).isEqualTo("10");
        });
    }

    @Test
    void anOfferWithoutAllowanceAdmitsAsBefore() {
        String[] ticket = door.ticket(3);
        door.scan(ticket[1], null).then().statusCode(200).body("verdict", equalTo("ADMITTED"))
                .body("personsAdmittedNow", equalTo(3)).body("alternatives", nullValue());
        door.scan(ticket[1], null).then().statusCode(200).body("verdict", equalTo("ALREADY_USED"));
    }

    @Test
    void anOfflineAdmissionBeyondTheCapacityIsRecordedNotRefused() {
        Offer offer = overbooked(2, 2);
        String[] first = door.ticket(offer, 2);
        String[] second = door.ticket(offer, 1);
        String[] third = door.ticket(offer, 1);
        scanAtFull(first[1], UUID.randomUUID()).then().body("verdict", equalTo("ADMITTED"));
        UUID refusedId = UUID.randomUUID();
        scanAtFull(second[1], refusedId).then().body("verdict", equalTo("DOOR_FULL")).body("alternatives.size()", equalTo(1));
        // retried: its first verdict, with the alternatives as things are now
        scanAtFull(second[1], refusedId).then().body("verdict", equalTo("DOOR_FULL")).body("alternatives.size()", equalTo(1));

        // a device offline let the second party in anyway: the door decided, the server records it
        String offline = ScanFixture.scanJson(second[1], full.id, "device-off", UUID.randomUUID(), Instant.now(), null)
                .replace("}", ", \"localVerdict\": \"ADMITTED\"}");
        given().auth().oauth2(door.staff).contentType("application/json").body("{\"scans\": [" + offline + "]}")
                .post("/api/scans/batch").then().statusCode(200)
                .body("results[0].verdict", equalTo("ADMITTED")).body("results[0].personsAdmittedNow", equalTo(1))
                .body("results[0].conflict", equalTo(false));
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(3);

        // and the door, now over its capacity, turns the next online party away
        scanAtFull(third[1], UUID.randomUUID()).then().body("verdict", equalTo("DOOR_FULL"));
    }
}
