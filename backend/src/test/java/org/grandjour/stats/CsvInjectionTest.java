package org.grandjour.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.common.Csv;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Regression: names and device ids that a spreadsheet would run as formulas reach the exports neutralised. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class CsvInjectionTest {
    static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String EVIL_IN_CSV = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"";

    @Inject
    TestData data;

    @Test
    void cellsThatWouldBeFormulasAreQuotedBehindASingleQuote() {
        assertThat(Csv.cell(EVIL)).isEqualTo(EVIL_IN_CSV);
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(Csv.cell(start + "1+1")).isEqualTo("\"'" + start + "1+1\"");
        }
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("a - b")).isEqualTo("a - b");
        assertThat(Csv.cell(-3)).isEqualTo("-3"); // a number is data
    }

    @Test
    void statsAndAdmissionsExportsNeutraliseNamesAndDeviceIds() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Edition edition = data.edition(today, today, Instant.now().minus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(1)),
                TestData.PAS_DE_CALAIS);
        Attraction door = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        QuarkusTransaction.requiringNew().run(() -> {
            Attraction a = Attraction.findById(door.id);
            a.nameFr = EVIL;
            a.nameEn = EVIL;
        });
        Offer offer = data.offer(edition, door, today, 50);
        String staffName = TestData.unique("staff");
        data.assign(staffName, door);
        String staff = LocalTokens.token(staffName, "62000", "staff");
        List<String> devices = List.of("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\tTAB", "\rCR");
        for (String device : devices) {
            Response claim = given().auth().oauth2(LocalTokens.resident(TestData.unique("visitor"), "62300")).contentType("application/json")
                    .body("{\"offerId\": " + offer.id + ", \"partySize\": 1}").post("/api/tickets");
            claim.then().statusCode(201);
            String body = "{\"code\": \"" + claim.path("qrPayload") + "\", \"attractionId\": " + door.id + ", \"deviceId\": \""
                    + device.replace("\t", "\\t").replace("\r", "\\r") + "\", \"scanId\": \"" + UUID.randomUUID()
                    + "\", \"scannedAt\": \"" + Instant.now() + "\"}";
            given().auth().oauth2(staff).contentType("application/json").body(body).post("/api/scans").then().statusCode(200)
                    .body("verdict", org.hamcrest.Matchers.equalTo("ADMITTED"));
        }
        String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");

        String stats = given().auth().oauth2(organiser).get("/api/editions/" + edition.id + "/stats.csv").then().statusCode(200)
                .extract().asString();
        String row = stats.lines().filter(l -> l.startsWith(door.slug + ",")).findFirst().orElseThrow();
        assertThat(row).startsWith(door.slug + "," + EVIL_IN_CSV + "," + EVIL_IN_CSV + ",");

        String scans = given().auth().oauth2(organiser).get("/api/editions/" + edition.id + "/scans.csv").then().statusCode(200)
                .extract().asString();
        for (String device : devices) {
            assertThat(scans).contains(",\"'" + device.replace("\"", "\"\"") + "\",");
        }
        // no cell of either file starts with a formula character unquoted
        for (String csv : List.of(stats, scans)) {
            assertThat(csv).doesNotContain("," + "=").doesNotContain(",+").doesNotContain(",-").doesNotContain(",@")
                    .doesNotContain(",\t").doesNotContainPattern(",\r(?!\n)"); // an empty last cell ends ",\r\n"
        }
    }
}
