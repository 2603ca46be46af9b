package org.grandjour.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A device back online with a full queue: 500 scans in one batch, then the same batch again (its retry). */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ScanBatchTest {
    static final int TICKETS = 450;
    static final int SCANS = 500;

    @Inject
    TestData data;
    @Inject
    Sql sql;

    @Test
    void fiveHundredOfflineScansAreJudgedInOrderAndTheirRetryChangesNothing() {
        ScanFixture door = new ScanFixture(data);
        String prefix = String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        // parties of 2 written straight into the table: claiming 450 through the API is not what is tested here
        assertThat(sql.number("""
                with t as (insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size)
                select substr(c, 1, 4) || '-' || substr(c, 5, 4) || '-' || substr(c, 9, 4) || '-' || substr(c, 13, 4), ?, ?,
                       'batch-' || c, 'batch-' || c, '62300', 2
                from (select ? || lpad(i::text, 8, '0') as c from generate_series(1, ?) i) codes returning 1)
                select count(*) from t""", door.offer.id, door.edition.id, prefix, TICKETS)).isEqualTo(TICKETS);
        Instant start = Instant.now().minusSeconds(SCANS + 60);
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            int ticket = i < TICKETS ? i : i - TICKETS; // the last 50 come back a second time: another device let them in
            String code = prefix + String.format("%08d", ticket + 1);
            scans.add(ScanFixture.scanJson(code, door.door.id, "device-" + (i % 3), UUID.randomUUID(), start.plusSeconds(i), i % 7 == 0 ? 1 : null)
                    .replace("}", ", \"localVerdict\": \"ADMITTED\"}"));
        }
        java.util.Collections.reverse(scans); // sent in any order: judged, and answered, in the order made
        String body = "{\"scans\": [" + String.join(", ", scans) + "]}";

        JsonPath first = send(door, body, "first");
        List<String> verdicts = first.getList("results.verdict");
        assertThat(verdicts).hasSize(SCANS);
        for (int i = 0; i < SCANS; i++) {
            int made = i; // the results come in the order the scans were made
            int ticket = made < TICKETS ? made : made - TICKETS;
            boolean partial = ticket % 7 == 0; // its first scan admitted 1 of 2
            String expected = made < TICKETS ? "ADMITTED" : partial ? "ADMITTED" : "ALREADY_USED";
            assertThat(verdicts.get(i)).as("scan made #%d", made).isEqualTo(expected);
            assertThat(first.getBoolean("results[" + i + "].conflict")).isEqualTo("ALREADY_USED".equals(expected));
        }
        long persons = sql.number("select sum(persons_admitted) from ticket where offer_id = ? and holder_subject like 'batch-%'", door.offer.id);
        assertThat(persons).isEqualTo(2L * TICKETS - countPartialNeverCompleted());
        assertThat(sql.number("select count(*) from scan where device_id like 'device-%' and attraction_id = ?", door.door.id))
                .isEqualTo(SCANS);

        JsonPath again = send(door, body, "replay");
        assertThat(again.getList("results.verdict")).isEqualTo(verdicts);
        assertThat(again.getList("results.personsAdmittedNow")).isEqualTo(first.getList("results.personsAdmittedNow"));
        assertThat(sql.number("select sum(persons_admitted) from ticket where offer_id = ? and holder_subject like 'batch-%'", door.offer.id))
                .isEqualTo(persons);
        assertThat(sql.number("select count(*) from scan where device_id like 'device-%' and attraction_id = ?", door.door.id))
                .isEqualTo(SCANS);
    }

    /** Tickets whose first scan admitted one person and that were not scanned again in the batch. */
    private static long countPartialNeverCompleted() {
        long n = 0;
        for (int t = 0; t < TICKETS; t++) {
            if (t % 7 == 0 && t >= SCANS - TICKETS) {
                n++;
            }
        }
        return n;
    }

    private static JsonPath send(ScanFixture door, String body, String what) {
        long started = System.nanoTime();
        JsonPath result = given().auth().oauth2(door.staff).contentType("application/json").body(body).post("/api/scans/batch")
                .then().statusCode(200).extract().jsonPath();
        // printed, not asserted: this machine is shared and its speed varies
        System.out.printf("ScanBatchTest: %s batch of %d scans answered in %d ms%n", what, SCANS, (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
