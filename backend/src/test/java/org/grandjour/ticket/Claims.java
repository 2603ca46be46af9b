package org.grandjour.ticket;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Claim requests as the SPA sends them. */
public final class Claims {
    private Claims() {
    }

    public static Response claim(String token, long offerId, int partySize) {
        return claim(token, offerId, partySize, null);
    }

    public static Response claim(String token, long offerId, int partySize, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType("application/json")
                .body("{\"offerId\": " + offerId + ", \"partySize\": " + partySize + "}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/tickets");
    }
}
