package org.grandjour.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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
        return scanAtFull(code, scanId, null);
    }

    private Response scanAtFull(String code, UUID scanId, Integer persons) {
        return door.scan(door.staff, code, full.id, "device-" + scanId.toString().substring(0, 4), scanId, Instant.now(), persons);
    }

    @Test
    void twentyPartiesAtOnceNeverTakeTheDoorBeyondItsCapacity() throws Exception {
        Offer offer = overbooked(32, 28); // 60 places: 20 parties of 3, room for 10 of them (two places left over)
        Offer tomorrow = data.offer(door.edition, full, door.today.plusDays(1), 50);
        Offer elsewhere = data.offer(door.edition, door.otherDoor, door.today, 30);
        List<String[]> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(door.ticket(offer, 3));
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
            // the offer is locked while judged: every refusal saw the 30 in, two places left
            assertThat(r.<Integer>path("doorPlacesLeft")).isEqualTo(2);
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
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(30);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and persons_admitted not in (0, 3)", offer.id)).isZero();
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

        // then the ten parties turned away all send part of themselves at once, half asking the two places left, half one:
        // whatever the order, the door ends exactly at its capacity (a one first leaves a place another one takes)
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < turnedAway.size(); i++) {
            asked.add(i % 2 == 0 ? turnedAway.get(i).<Integer>path("doorPlacesLeft") : 1);
        }
        List<Response> partial = Race.run(turnedAway.size(),
                i -> scanAtFull(codeOf(tickets, turnedAway.get(i)), UUID.randomUUID(), asked.get(i)));
        assertThat(partial).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(partial).allSatisfy(r -> assertThat(r.<String>path("verdict")).isIn("ADMITTED", "DOOR_FULL"));
        assertThat(partial.stream().filter(r -> "ADMITTED".equals(r.path("verdict"))).mapToInt(r -> r.<Integer>path("personsAdmittedNow")).sum())
                .isEqualTo(2);
        assertThat(partial.stream().filter(r -> "DOOR_FULL".equals(r.path("verdict"))).map(r -> r.<Integer>path("doorPlacesLeft")))
                .allSatisfy(left -> assertThat(left).isIn(0, 1));
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(32);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and persons_admitted not in (0, 1, 2, 3)", offer.id)).isZero();
        // and a party left outside is told so: no place left
        Response after = scanAtFull(codeOf(tickets, turnedAway.get(0)), UUID.randomUUID());
        after.then().body("verdict", equalTo("DOOR_FULL")).body("doorPlacesLeft", equalTo(0));
    }

    /** The QR payload of the ticket a result is about. */
    private static String codeOf(List<String[]> tickets, Response result) {
        String id = result.path("ticketId").toString();
        return tickets.stream().filter(t -> t[0].equals(id)).findFirst().orElseThrow()[1];
    }

    @Test
    void aPartyTooBigForThePlacesLeftIsToldThemAndPartOfItComesIn() {
        Offer offer = overbooked(6, 4); // 10 places
        String[] first = door.ticket(offer, 4);
        String[] party = door.ticket(offer, 4);
        scanAtFull(first[1], UUID.randomUUID()).then().body("verdict", equalTo("ADMITTED")).body("doorPlacesLeft", nullValue());

        UUID refusedId = UUID.randomUUID();
        scanAtFull(party[1], refusedId).then().statusCode(200).body("verdict", equalTo("DOOR_FULL"))
                .body("doorPlacesLeft", equalTo(2)).body("personsRemaining", equalTo(4)).body("personsAdmittedNow", equalTo(0));
        // asking for more than the places left is still refused, and says the same
        scanAtFull(party[1], UUID.randomUUID(), 3).then().body("verdict", equalTo("DOOR_FULL")).body("doorPlacesLeft", equalTo(2));

        scanAtFull(party[1], UUID.randomUUID(), 2).then().statusCode(200).body("verdict", equalTo("ADMITTED"))
                .body("personsAdmittedNow", equalTo(2)).body("personsAdmittedBefore", equalTo(0)).body("personsRemaining", equalTo(2))
                .body("doorPlacesLeft", nullValue());
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(6);
        assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(party[0]))).isEqualTo(2);

        // the rest of the party comes back later: the door is full, none left
        scanAtFull(party[1], UUID.randomUUID()).then().body("verdict", equalTo("DOOR_FULL")).body("doorPlacesLeft", equalTo(0))
                .body("personsRemaining", equalTo(2)).body("personsAdmittedBefore", equalTo(2));
        // the first refusal, retried, says the places left as things are now
        scanAtFull(party[1], refusedId).then().body("verdict", equalTo("DOOR_FULL")).body("reason", startsWith("Already received"))
                .body("doorPlacesLeft", equalTo(0));
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ?", offer.id)).isEqualTo(6);
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
