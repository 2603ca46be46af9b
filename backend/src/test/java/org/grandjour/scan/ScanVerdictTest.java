package org.grandjour.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Each verdict, who may scan, retries, offline batches and the door list. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ScanVerdictTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";
    @Inject
    TestData data;
    @Inject
    Sql sql;
    ScanFixture door;

    @BeforeEach
    void setUp() {
        door = new ScanFixture(data);
    }

    @Test
    void admittedThenAlreadyUsedWithWhenAndWhere() {
        String[] t = door.ticket(2);
        door.scan(t[1], null).then().statusCode(200)
                .body("verdict", equalTo("ADMITTED")).body("personsAdmittedNow", equalTo(2))
                .body("personsAdmittedBefore", equalTo(0)).body("personsRemaining", equalTo(0))
                .body("partySize", equalTo(2)).body("holderFirstName", equalTo("Test"))
                .body("day", equalTo(door.today.toString())).body("conflict", equalTo(false));
        door.scan(door.staff, t[1], door.door.id, "door-2", UUID.randomUUID(), Instant.now(), null).then().statusCode(200)
                .body("verdict", equalTo("ALREADY_USED")).body("personsAdmittedNow", equalTo(0))
                .body("personsAdmittedBefore", equalTo(2))
                .body("firstAdmittedBy", equalTo("door-1")).body("firstAdmittedAt", notNullValue());
    }

    @Test
    void aPartyMayEnterInParts() {
        String[] t = door.ticket(4);
        door.scan(t[1], 1).then().body("verdict", equalTo("ADMITTED")).body("personsRemaining", equalTo(3));
        door.scan(t[1], 5).then().body("verdict", equalTo("TOO_MANY_PERSONS")).body("personsRemaining", equalTo(3))
                .body("personsAdmittedNow", equalTo(0));
        door.scan(t[1], null).then().body("verdict", equalTo("ADMITTED")).body("personsAdmittedNow", equalTo(3))
                .body("personsAdmittedBefore", equalTo(1));
    }

    @Test
    void aTypedCodeWorksLikeTheQr() {
        String[] t = door.ticket(1);
        door.scan(t[2].toLowerCase().replace("-", " "), null).then().body("verdict", equalTo("ADMITTED"))
                .body("ticketId", equalTo(Integer.parseInt(t[0])));
    }

    @Test
    void forgedAlteredOrUnknownCodesAreInvalid() {
        String[] t = door.ticket(2);
        String payload = t[1];
        int inClaims = payload.indexOf('.', 4) + 3;
        String altered = payload.substring(0, inClaims) + (payload.charAt(inClaims) == 'A' ? 'B' : 'A') + payload.substring(inClaims + 1);
        for (String code : new String[] {altered, payload.substring(0, payload.length() - 2) + "xx", "GJ1.nokey.e30.AAAA",
                "hello", "0000-0000-0000-0000", "GJ1." }) {
            door.scan(code, null).then().statusCode(200).body("verdict", equalTo("INVALID"))
                    .body("ticketId", nullValue()).body("personsAdmittedNow", equalTo(0));
        }
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(t[0]))).isZero();
        Assertions.assertThat(sql.number("select count(*) from scan where verdict = 'INVALID' and device_id = 'door-1' and staff_username = ?",
                door.staffName)).isEqualTo(6);
    }

    @Test
    void aTicketForAnotherAttractionIsWrongAttraction() {
        String[] t = door.ticket(2);
        door.scan(door.staff, t[1], door.otherDoor.id, "door-9", UUID.randomUUID(), Instant.now(), null).then().statusCode(200)
                .body("verdict", equalTo("WRONG_ATTRACTION")).body("attractionId", equalTo(door.door.id.intValue()));
    }

    @Test
    void aTicketForAnotherDayIsWrongDay() {
        Offer tomorrow = data.offer(door.edition, door.door, door.today.plusDays(1), 10);
        String[] t = door.ticket(tomorrow, 2);
        door.scan(t[1], null).then().statusCode(200).body("verdict", equalTo("WRONG_DAY"))
                .body("day", equalTo(door.today.plusDays(1).toString()));
    }

    @Test
    void onlineTheServersClockDecidesNotTheDevices() {
        String[] today = door.ticket(1);
        door.scan(door.staff, today[1], door.door.id, "door-1", UUID.randomUUID(), Instant.now().minus(Duration.ofDays(2)), null)
                .then().body("verdict", equalTo("ADMITTED"));
        Offer tomorrow = data.offer(door.edition, door.door, door.today.plusDays(1), 10);
        String[] t = door.ticket(tomorrow, 2);
        door.scan(door.staff, t[1], door.door.id, "door-1", UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)), null)
                .then().body("verdict", equalTo("WRONG_DAY"));
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(t[0]))).isZero();
        // the log keeps the server's time of an online scan
        Assertions.assertThat(sql.number("select count(*) from scan where ticket_id = ? and scanned_at < now() + interval '1 minute'",
                Long.parseLong(t[0]))).isEqualTo(1);
    }

    @Test
    void anOfflineScanFromTomorrowNeitherAdmitsTomorrowsTicketTodayNorBurnsIt() {
        Offer tomorrow = data.offer(door.edition, door.door, door.today.plusDays(1), 10);
        String[] t = door.ticket(tomorrow, 2);
        String[] today = door.ticket(2);
        Instant dayAfter = Instant.now().plus(Duration.ofDays(1));
        Instant yesterday = door.edition.startOf(door.today).minusSeconds(60);
        String batch = "{\"scans\": [" + offline(t[1], dayAfter) + ", " + offline(today[1], yesterday) + "]}";
        given().auth().oauth2(door.staff).contentType("application/json").body(batch).post("/api/scans/batch").then().statusCode(200)
                .body("results[0].verdict", equalTo("BAD_SCAN_TIME")).body("results[0].conflict", equalTo(true))
                .body("results[0].personsAdmittedNow", equalTo(0)).body("results[0].reason", org.hamcrest.Matchers.containsString("clock"))
                .body("results[1].verdict", equalTo("BAD_SCAN_TIME"));
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(t[0]))).isZero();
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(today[0]))).isZero();
        Assertions.assertThat(sql.number("select count(*) from scan where ticket_id in (?, ?) and verdict = 'BAD_SCAN_TIME' and offline",
                Long.parseLong(t[0]), Long.parseLong(today[0]))).isEqualTo(2);
        // tomorrow, at the door, the ticket still admits its whole party
        door.scan(door.staff, t[1], door.door.id, "door-1", UUID.randomUUID(), Instant.now(), null).then()
                .body("verdict", equalTo("WRONG_DAY"));
        String fine = "{\"scans\": [" + offline(today[1], Instant.now().minusSeconds(60)) + "]}";
        given().auth().oauth2(door.staff).contentType("application/json").body(fine).post("/api/scans/batch").then().statusCode(200)
                .body("results[0].verdict", equalTo("ADMITTED")).body("results[0].personsAdmittedNow", equalTo(2));
    }

    /**
     * A phone whose clock says year +999999999 or 1899 must still be able to empty its queue: such a scan is
     * judged BAD_SCAN_TIME (logged with the nearest time the database can hold), and the rest of its batch as usual.
     */
    @Test
    void anOfflineScanWithAnAbsurdClockIsJudgedWithoutRefusingItsBatch() {
        String[] far = door.ticket(2);
        String[] old = door.ticket(2);
        String[] fine = door.ticket(2);
        UUID farId = UUID.randomUUID();
        UUID oldId = UUID.randomUUID();
        UUID fineId = UUID.randomUUID();
        UUID beyondId = UUID.randomUUID();
        String batch = "{\"scans\": [" + offline(far[1], farId, "+999999999-12-31T23:59:59Z") + ", "
                + offline(old[1], oldId, "1899-12-31T23:59:59Z") + ", "
                + offline(fine[1], fineId, Instant.now().minusSeconds(60).toString()) + ", "
                // a year past what Java itself can hold counts as the far end of time
                + offline(far[1], beyondId, "+99999999999-01-01T00:00:00Z") + "]}";
        given().auth().oauth2(door.staff).contentType("application/json").body(batch).post("/api/scans/batch").then().statusCode(200)
                .body("results", hasSize(4))
                .body("results.find { it.scanId == '" + farId + "' }.verdict", equalTo("BAD_SCAN_TIME"))
                .body("results.find { it.scanId == '" + farId + "' }.conflict", equalTo(true))
                .body("results.find { it.scanId == '" + farId + "' }.reason", org.hamcrest.Matchers.containsString("+999999999"))
                .body("results.find { it.scanId == '" + oldId + "' }.verdict", equalTo("BAD_SCAN_TIME"))
                .body("results.find { it.scanId == '" + beyondId + "' }.verdict", equalTo("BAD_SCAN_TIME"))
                .body("results.find { it.scanId == '" + fineId + "' }.verdict", equalTo("ADMITTED"));
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(far[0]))).isZero();
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(old[0]))).isZero();
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(fine[0]))).isEqualTo(2);
        // kept in the scan log as BAD_SCAN_TIME, at the nearest time that can be stored
        Assertions.assertThat(sql.number("select count(*) from scan where scan_uid = ?::uuid and verdict = 'BAD_SCAN_TIME' "
                + "and scanned_at = timestamptz '9999-12-31 23:59:59+00'", farId.toString())).isEqualTo(1);
        Assertions.assertThat(sql.number("select count(*) from scan where scan_uid = ?::uuid and verdict = 'BAD_SCAN_TIME' "
                + "and scanned_at = timestamptz '1900-01-01 00:00:00+00'", oldId.toString())).isEqualTo(1);
        // online, the device's clock does not matter at all: judged, and logged, at the server's
        door.scan(door.staff, old[1], door.door.id, "door-1", UUID.randomUUID(), Instant.parse("+999999999-12-31T23:59:59Z"), null)
                .then().statusCode(200).body("verdict", equalTo("ADMITTED"));
        // a date-time that is not one is still a 400
        given().auth().oauth2(door.staff).contentType("application/json")
                .body("{\"scans\": [" + offline(fine[1], UUID.randomUUID(), "yesterday") + "]}").post("/api/scans/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private String offline(String code, UUID scanId, String at) {
        return ScanFixture.scanJson(code, door.door.id, "device-off", scanId, Instant.EPOCH, null)
                .replace(Instant.EPOCH.toString(), at).replace("}", ", \"localVerdict\": \"ADMITTED\"}");
    }

    private String offline(String code, Instant at) {
        return ScanFixture.scanJson(code, door.door.id, "device-off", UUID.randomUUID(), at, null)
                .replace("}", ", \"localVerdict\": \"ADMITTED\"}");
    }

    @Test
    void theTicketsStatusComesBeforeItsDay() {
        Offer tomorrow = data.offer(door.edition, door.door, door.today.plusDays(1), 10);
        String[] t = door.ticket(tomorrow, 2);
        given().auth().oauth2(t[3]).delete("/api/tickets/" + t[0]).then().statusCode(204);
        door.scan(t[1], null).then().statusCode(200).body("verdict", equalTo("CANCELLED"));
        // a party all in says so, not WRONG_DAY, whatever day it comes back
        String[] used = door.ticket(tomorrow, 2);
        Assertions.assertThat(sql.number("with u as (update ticket set persons_admitted = party_size where id = ? returning 1) "
                + "select count(*) from u", Long.parseLong(used[0]))).isEqualTo(1);
        door.scan(used[1], null).then().body("verdict", equalTo("ALREADY_USED")).body("personsRemaining", equalTo(0));
    }

    @Test
    void morePersonsThanTheParty() {
        String[] t = door.ticket(2);
        door.scan(t[1], 3).then().statusCode(200).body("verdict", equalTo("TOO_MANY_PERSONS")).body("personsRemaining", equalTo(2))
                .body("personsAdmittedNow", equalTo(0)).body("reason", org.hamcrest.Matchers.containsString("only 2"));
        door.scan(t[1], 2).then().body("verdict", equalTo("ADMITTED"));
        door.scan(t[1], 1).then().body("verdict", equalTo("ALREADY_USED")).body("personsRemaining", equalTo(0));
        Assertions.assertThat(sql.number("select count(*) from scan where ticket_id = ? and verdict = 'TOO_MANY_PERSONS'",
                Long.parseLong(t[0]))).isEqualTo(1);
    }

    @Test
    void aCancelledTicketIsCancelled() {
        Offer tomorrow = data.offer(door.edition, door.otherDoor, door.today.plusDays(1), 10);
        String[] t = door.ticket(tomorrow, 2);
        given().auth().oauth2(t[3]).delete("/api/tickets/" + t[0]).then().statusCode(204);
        door.scan(door.staff, t[1], door.otherDoor.id, "door-1", UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1)), null)
                .then().statusCode(200).body("verdict", equalTo("CANCELLED"));
    }

    @Test
    void theSameScanIdTwiceAdmitsOnce() {
        String[] t = door.ticket(4);
        UUID scanId = UUID.randomUUID();
        Instant at = Instant.now();
        door.scan(door.staff, t[1], door.door.id, "door-1", scanId, at, 2).then().body("verdict", equalTo("ADMITTED"));
        door.scan(door.staff, t[1], door.door.id, "door-1", scanId, at, 2).then().body("verdict", equalTo("ADMITTED"))
                .body("personsAdmittedNow", equalTo(2)).body("personsAdmittedBefore", equalTo(0));
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(t[0]))).isEqualTo(2);
    }

    @Test
    void onlyAssignedStaffAndOrganisersMayScan() {
        String[] t = door.ticket(1);
        String stranger = LocalTokens.token(TestData.unique("elsewhere"), "62000", "staff");
        door.scan(stranger, t[1], door.door.id, "d", UUID.randomUUID(), Instant.now(), null).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-assigned"));
        door.scan(LocalTokens.resident(TestData.unique("r"), "62300"), t[1], door.door.id, "d", UUID.randomUUID(), Instant.now(), null)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        given().contentType("application/json").body(ScanFixture.scanJson(t[1], door.door.id, "d", UUID.randomUUID(), Instant.now(), null))
                .post("/api/scans").then().statusCode(401).body("type", equalTo(PROBLEMS + "unauthenticated"));
        door.scan(LocalTokens.token(TestData.unique("boss"), "62000", "organiser"), t[1], door.door.id, "d", UUID.randomUUID(),
                Instant.now(), null).then().statusCode(200).body("verdict", equalTo("ADMITTED"));
        Assertions.assertThat(sql.number("select persons_admitted from ticket where id = ?", Long.parseLong(t[0]))).isEqualTo(1);
    }

    @Test
    void badScanRequestsAreProblems() {
        given().auth().oauth2(door.staff).contentType("application/json").body("{\"code\": \"x\"}").post("/api/scans")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(door.staff).contentType("application/json")
                .body(ScanFixture.scanJson("x", door.door.id, "d", UUID.randomUUID(), Instant.now(), 0)).post("/api/scans")
                .then().statusCode(400).body("errors[0].field", equalTo("persons"));
        given().auth().oauth2(door.staff).contentType("application/json")
                .body("{\"code\": \"x\", \"attractionId\": " + door.door.id + ", \"deviceId\": \"d\", \"scanId\": \"not-a-uuid\", \"scannedAt\": \"2026-01-01T00:00:00Z\"}")
                .post("/api/scans").then().statusCode(400).body("errors[0].field", equalTo("scanId"));
        door.scan(door.staff, "x", 987654321L, "d", UUID.randomUUID(), Instant.now(), null).then().statusCode(404);
    }

    @Test
    void anOfflineDoubleAdmissionBecomesOneAdmittedAndOneConflict() {
        String[] t = door.ticket(2);
        Instant first = Instant.now().minusSeconds(120);
        Instant second = Instant.now().minusSeconds(60);
        String fromB = "{\"scans\": [" + ScanFixture.scanJson(t[1], door.door.id, "device-B", UUID.randomUUID(), second, null)
                .replace("}", ", \"localVerdict\": \"ADMITTED\"}") + "]}";
        String fromA = "{\"scans\": [" + ScanFixture.scanJson(t[1], door.door.id, "device-A", UUID.randomUUID(), first, null)
                .replace("}", ", \"localVerdict\": \"ADMITTED\"}") + "]}";
        given().auth().oauth2(door.staff).contentType("application/json").body(fromA).post("/api/scans/batch").then().statusCode(200)
                .body("results", hasSize(1)).body("results[0].verdict", equalTo("ADMITTED")).body("results[0].conflict", equalTo(false));
        given().auth().oauth2(door.staff).contentType("application/json").body(fromB).post("/api/scans/batch").then().statusCode(200)
                .body("results[0].verdict", equalTo("ALREADY_USED")).body("results[0].conflict", equalTo(true))
                .body("results[0].firstAdmittedBy", equalTo("device-A"));
        Assertions.assertThat(sql.number("select count(*) from scan where ticket_id = ? and conflict and offline", Long.parseLong(t[0])))
                .isEqualTo(1);
    }

    @Test
    void aBatchIsProcessedInTheOrderTheScansWereMade() {
        String[] t = door.ticket(3);
        Instant early = Instant.now().minusSeconds(300);
        String batch = "{\"scans\": [" + ScanFixture.scanJson(t[1], door.door.id, "d", UUID.randomUUID(), early.plusSeconds(10), null)
                + ", " + ScanFixture.scanJson(t[1], door.door.id, "d", UUID.randomUUID(), early, 1) + "]}";
        given().auth().oauth2(door.staff).contentType("application/json").body(batch).post("/api/scans/batch").then().statusCode(200)
                .body("results[0].personsAdmittedNow", equalTo(1)).body("results[1].personsAdmittedNow", equalTo(2));
        given().auth().oauth2(door.staff).contentType("application/json").body("{\"scans\": []}").post("/api/scans/batch")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theDoorListHasTheDaysTicketsAndKeysAndAnETag() {
        String[] t = door.ticket(2);
        var first = given().auth().oauth2(door.staff).queryParam("day", door.today.toString())
                .get("/api/attractions/" + door.door.id + "/door-list");
        first.then().statusCode(200).body("tickets.find { it.ticketId == " + t[0] + " }.partySize", equalTo(2))
                .body("tickets.find { it.ticketId == " + t[0] + " }.code", equalTo(t[2]))
                .body("keys[0].algorithm", equalTo("Ed25519"))
                .body("timeZone", equalTo("Europe/Paris"));
        String etag = first.getHeader("ETag");
        given().auth().oauth2(door.staff).queryParam("day", door.today.toString()).header("If-None-Match", etag)
                .get("/api/attractions/" + door.door.id + "/door-list").then().statusCode(304);
        door.scan(t[1], null).then().body("verdict", equalTo("ADMITTED"));
        given().auth().oauth2(door.staff).queryParam("day", door.today.toString()).header("If-None-Match", etag)
                .get("/api/attractions/" + door.door.id + "/door-list").then().statusCode(200)
                .body("personsAdmitted", equalTo(2));
        given().auth().oauth2(LocalTokens.token(TestData.unique("x"), "62000", "staff")).queryParam("day", door.today.toString())
                .get("/api/attractions/" + door.door.id + "/door-list").then().statusCode(403);
        given().auth().oauth2(door.staff).get("/api/attractions/" + door.door.id + "/door-list").then().statusCode(400);
        given().auth().oauth2(door.staff).get("/api/me/attractions").then().statusCode(200).body("", hasSize(2));
    }

    @Test
    void theDoorListsDayIsCountedInTheEditionsZoneOrElseTheTerritorys() {
        Attraction inKent = data.attraction(TestData.KENT, Category.MUSEUM);
        data.offer(door.edition, inKent, door.today, 10); // the edition counts days in Paris time
        String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");
        given().auth().oauth2(organiser).queryParam("day", door.today.toString()).get("/api/attractions/" + inKent.id + "/door-list")
                .then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        given().auth().oauth2(organiser).queryParam("day", door.today.plusDays(1).toString())
                .get("/api/attractions/" + inKent.id + "/door-list")
                .then().statusCode(200).body("timeZone", equalTo("Europe/London")).body("tickets", hasSize(0));
    }

}
