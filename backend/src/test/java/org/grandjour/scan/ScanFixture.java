package org.grandjour.scan;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;

import io.restassured.response.Response;

/** A door open today, its staff, and tickets claimed through the API. */
final class ScanFixture {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    final Edition edition;
    final Attraction door;
    final Attraction otherDoor;
    final Offer offer;
    final String staffName = TestData.unique("staff");
    final String staff;

    ScanFixture(TestData data) {
        edition = data.edition(today, today.plusDays(1), Instant.now().minus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        door = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        otherDoor = data.attraction(TestData.PAS_DE_CALAIS, Category.HERITAGE);
        offer = data.offer(edition, door, today, 500);
        data.assign(staffName, door);
        data.assign(staffName, otherDoor);
        staff = LocalTokens.token(staffName, "62000", "staff");
    }

    /** A fresh ticket for a party; returns [id, qrPayload, code]. */
    String[] ticket(int partySize) {
        return ticket(offer, partySize);
    }

    String[] ticket(Offer o, int partySize) {
        String resident = LocalTokens.resident(TestData.unique("visitor"), "62300");
        Response r = given().auth().oauth2(resident).contentType("application/json")
                .body("{\"offerId\": " + o.id + ", \"partySize\": " + partySize + "}").post("/api/tickets");
        r.then().statusCode(201);
        return new String[] {r.path("id").toString(), r.path("qrPayload"), r.path("code"), resident};
    }

    static String scanJson(String code, long attractionId, String device, UUID scanId, Instant at, Integer persons) {
        return "{\"code\": \"" + code + "\", \"attractionId\": " + attractionId + ", \"deviceId\": \"" + device
                + "\", \"scanId\": \"" + scanId + "\", \"scannedAt\": \"" + at + "\""
                + (persons == null ? "" : ", \"persons\": " + persons) + "}";
    }

    Response scan(String token, String code, long attractionId, String device, UUID scanId, Instant at, Integer persons) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(scanJson(code, attractionId, device, scanId, at, persons)).post("/api/scans");
    }

    Response scan(String code, Integer persons) {
        return scan(staff, code, door.id, "door-1", UUID.randomUUID(), Instant.now(), persons);
    }
}
