package org.grandjour.resident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grandjour.testsupport.KeycloakAdmin;
import org.grandjour.testsupport.MailBox;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Postcode changes end to end on the real parts: a resident made in the real Keycloak asks, the demo
 * organiser decides, Keycloak's user is changed (and the next token carries it), the audit log says who,
 * and the resident gets the decision by mail through the development mail server (GreenMail).
 */
@QuarkusTest
class PostcodeChangeTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";

    @Inject
    Sql sql;
    @Inject
    TestData data;

    record Account(String username, String id, String email) {
    }

    Account newResident(String postcode) {
        String username = TestData.unique("pc").toLowerCase();
        String email = username + "@residents.grandjour.test";
        return new Account(username, KeycloakAdmin.createResident(username, email, postcode, true), email);
    }

    static io.restassured.response.Response ask(String token, String postcode) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("postcode", postcode))
                .when().post("/api/me/postcode-change");
    }

    @Test
    void anApprovedChangeReachesKeycloakTheAuditLogAndTheResident() {
        data.territory(TestData.NORD); // the territory the new postcode falls in, whichever test ran first
        Account a = newResident("62300");
        String token = KeycloakAdmin.token(a.username());
        int id = ask(token, "59 000").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("currentPostcode", equalTo("62300"))
                .body("requestedPostcode", equalTo("59 000")).extract().path("id");
        ask(token, "59100").then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));
        given().auth().oauth2(token).when().get("/api/me/postcode-change").then().statusCode(200)
                .body("[0].id", equalTo(id)).body("[0].status", equalTo("PENDING"));

        String organiser = KeycloakAdmin.token("organiser");
        given().auth().oauth2(organiser).queryParam("status", "PENDING").when().get("/api/admin/postcode-changes")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token).when().post("/api/admin/postcode-changes/{id}/approve", id).then().statusCode(403);
        assertThat(KeycloakAdmin.postcodeOf(a.id())).isEqualTo("62300");

        given().auth().oauth2(organiser).when().post("/api/admin/postcode-changes/{id}/approve", id)
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(KeycloakAdmin.postcodeOf(a.id())).isEqualTo("59 000");
        given().auth().oauth2(KeycloakAdmin.token(a.username())).when().get("/api/me")
                .then().statusCode(200).body("postcode", equalTo("59 000")).body("territory.code", equalTo("FR-59"));
        given().auth().oauth2(organiser).when().post("/api/admin/postcode-changes/{id}/approve", id)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "conflict"));

        assertThat(sql.number("select count(*) from audit_log where action = 'postcode-change.approve' and actor = 'organiser'"
                + " and entity_id = '" + id + "' and details->>'to' = '59 000'")).isEqualTo(1);
        List<Map<String, Object>> mails = MailBox.await(a.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("subject").toString()).contains("59 000");
    }

    @Test
    void aRejectedChangeLeavesThePostcodeAndTellsWhy() {
        Account a = newResident("CT1 2EH");
        int id = ask(KeycloakAdmin.token(a.username()), "75001").then().statusCode(201).extract().path("id");
        String organiser = KeycloakAdmin.token("organiser");
        given().auth().oauth2(organiser).contentType("application/json").body("{\"reason\":\" \"}")
                .when().post("/api/admin/postcode-changes/{id}/reject", id).then().statusCode(400);
        given().auth().oauth2(organiser).contentType("application/json").body("{\"reason\":\"Proof of address needed\"}")
                .when().post("/api/admin/postcode-changes/{id}/reject", id)
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reason", equalTo("Proof of address needed"));
        assertThat(KeycloakAdmin.postcodeOf(a.id())).isEqualTo("CT1 2EH");
        assertThat(sql.number("select count(*) from audit_log where action = 'postcode-change.reject' and entity_id = '" + id + "'"))
                .isEqualTo(1);
        List<Map<String, Object>> mails = MailBox.await(a.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("mimeMessage").toString()).contains("Proof of address needed");
        given().auth().oauth2(organiser).queryParam("status", "PENDING").when().get("/api/admin/postcode-changes")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void badPostcodesAreRefusedWithTheirFormat() {
        String token = KeycloakAdmin.token(newResident("62300").username());
        for (String bad : List.of("6220", "ABCDE", "62 30 0", "=1+1", "62300\u0000")) {
            ask(token, bad).then().statusCode(400).contentType("application/problem+json");
        }
        ask(token, "62300").then().statusCode(400).body("detail", equalTo("This is already your postcode."));
        given().auth().oauth2(token).contentType("application/json").body("{}").when().post("/api/me/postcode-change")
                .then().statusCode(400);
    }

    @Test
    void residentsCannotEditTheirPostcodeInKeycloak() {
        Account a = newResident("62300");
        String token = KeycloakAdmin.token(a.username());
        Map<String, Object> account = Map.of("username", a.username(), "email", a.email(), "firstName", "Test",
                "lastName", a.username(), "attributes", Map.of("postcode", List.of("59000")));
        int status = given().baseUri(KeycloakAdmin.realmUrl()).auth().oauth2(token).contentType("application/json")
                .accept("application/json").body(account).when().post("/account").then().extract().statusCode();
        assertThat(status).as("the account API refuses the change").isGreaterThanOrEqualTo(400);
        assertThat(KeycloakAdmin.postcodeOf(a.id())).isEqualTo("62300");
        given().auth().oauth2(KeycloakAdmin.token(a.username())).when().get("/api/me")
                .then().statusCode(200).body("postcode", equalTo("62300"));
    }

    @Test
    void anUnverifiedAccountGetsNoTokenAndVerifiedOnesClaimAsBefore() {
        String username = TestData.unique("unv").toLowerCase();
        KeycloakAdmin.createResident(username, username + "@residents.grandjour.test", "62300", false);
        KeycloakAdmin.login(username).then().statusCode(400).body("error_description", equalTo("Account is not fully set up"));
        // the demo resident's real token says email_verified, which the claim check reads
        given().auth().oauth2(KeycloakAdmin.token("resident")).contentType("application/json")
                .body("{\"offerId\": 999999999, \"partySize\": 1}").when().post("/api/tickets")
                .then().statusCode(404);
    }
}
