package org.grandjour.waitlist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.common.Problem;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.MailBox;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Waiting lists: who may join, and places that come back going to the list in order, exactly once. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class WaitlistTest {
    private static final String PROBLEMS = Problem.TYPE_BASE;

    @Inject
    TestData data;
    @Inject
    Sql sql;

    Edition edition;
    LocalDate day;

    @BeforeEach
    void edition() {
        day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(10);
        edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(9)),
                TestData.PAS_DE_CALAIS);
    }

    @Test
    void onlyASoldOutOfferHasAListAndEachResidentIsOnItOnce() {
        Offer offer = offer(3);
        String first = resident("first");
        given().auth().oauth2(first).contentType(ContentType.JSON).body(Map.of("partySize", 2))
                .when().post("/api/offers/" + offer.id + "/waitlist").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "places-left"));
        claim(first, offer, 2);

        // one place left: a party of 2 may wait for a second one
        String second = resident("second");
        join(second, offer, 2).then().statusCode(201).body("position", equalTo(1)).body("status", equalTo("WAITING"))
                .body("source", equalTo("JOIN"));
        join(second, offer, 2).then().statusCode(409).body("type", equalTo(PROBLEMS + "already-waiting"));
        join(first, offer, 2).then().statusCode(409).body("type", equalTo(PROBLEMS + "already-exists")); // holds a ticket
        join(LocalTokens.resident(TestData.unique("paris"), "75001"), offer, 1).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "not-eligible"));
        join(LocalTokens.unverifiedResident(TestData.unique("unverified"), "62300"), offer, 2).then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "email-not-verified"));
        join(second, offer, 99).then().statusCode(400);

        String third = resident("third");
        join(third, offer, 2).then().statusCode(201).body("position", equalTo(2));
        given().auth().oauth2(third).when().get("/api/me/waitlist").then().statusCode(200)
                .body("[0].position", equalTo(2)).body("[0].partiesAhead", equalTo(1)).body("[0].personsAhead", equalTo(2))
                .body("[0].offer.id", equalTo(offer.id.intValue()));

        given().auth().oauth2(second).when().delete("/api/offers/" + offer.id + "/waitlist").then().statusCode(204);
        given().auth().oauth2(second).when().delete("/api/offers/" + offer.id + "/waitlist").then().statusCode(404);
        given().auth().oauth2(third).when().get("/api/me/waitlist").then().body("[0].position", equalTo(1));
        join(second, offer, 2).then().statusCode(201).body("position", equalTo(2)); // back, at the end
    }

    @Test
    void aReleaseGoesToTheFirstPartyThatFitsAtOnceWithAMail() {
        Offer offer = offer(3);
        String holder = resident("holder");
        long big = claim(holder, offer, 2);
        claim(resident("other"), offer, 1);
        String four = resident("four");
        String twoUser = TestData.unique("two");
        String two = LocalTokens.resident(twoUser, "62300");
        join(four, offer, 3).then().statusCode(201).body("position", equalTo(1)); // will not fit in 2
        join(two, offer, 2).then().statusCode(201).body("position", equalTo(2));

        given().auth().oauth2(holder).when().delete("/api/tickets/" + big).then().statusCode(204);

        // in the same transaction as the release: the party of 2 has its ticket, the party of 3 still waits
        given().auth().oauth2(two).when().get("/api/me/waitlist").then().statusCode(200)
                .body("[0].status", equalTo("SERVED")).body("[0].position", equalTo(null));
        int ticket = given().auth().oauth2(two).when().get("/api/me/waitlist").then().extract().path("[0].ticketId");
        given().auth().oauth2(two).when().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("partySize", equalTo(2));
        given().auth().oauth2(four).when().get("/api/me/waitlist").then().body("[0].status", equalTo("WAITING"))
                .body("[0].position", equalTo(1));
        assertThat(remaining(offer)).isZero();
        // the organisers' figures, from the rows: 2 released, 2 refilled, the party of 3 still waiting
        given().auth().oauth2(LocalTokens.token(TestData.unique("org"), null, "organiser"))
                .when().get("/api/editions/" + edition.id + "/stats").then().statusCode(200)
                .body("waitlists.find { it.offerId == " + offer.id + " }.releasedPersons", equalTo(2))
                .body("waitlists.find { it.offerId == " + offer.id + " }.refilledPersons", equalTo(2))
                .body("waitlists.find { it.offerId == " + offer.id + " }.waitingParties", equalTo(1))
                .body("waitlists.find { it.offerId == " + offer.id + " }.waitingPersons", equalTo(3))
                .body("waitlists.find { it.offerId == " + offer.id + " }.unconfirmedTickets", equalTo(2))
                // the refill's time in the server, from the release's start to the ticket: measured, not invented
                .body("waitlists.find { it.offerId == " + offer.id + " }.refillMsMedian", notNullValue())
                .body("waitlists.find { it.offerId == " + offer.id + " }.refillMsMax", greaterThanOrEqualTo(0));
        assertThat(sql.number("select count(*) from waitlist_entry where offer_id = ? and status = 'SERVED' and refill_ms is null", offer.id)).isZero();
        List<Map<String, Object>> mails = MailBox.await(twoUser + "@residents.grandjour.test");
        assertThat(mails).hasSize(1);
        assertThat((String) mails.get(0).get("subject")).contains("votre billet"); // Pas-de-Calais: French
    }

    @Test
    void aCapacityIncreaseServesTheListBeforeAnyClaim() {
        Offer offer = offer(1);
        claim(resident("only"), offer, 1);
        String waiting = resident("waiting");
        join(waiting, offer, 1).then().statusCode(201);
        given().auth().oauth2(LocalTokens.token(TestData.unique("org"), null, "organiser")).contentType(ContentType.JSON)
                .body(Map.of("capacity", 2)).when().put("/api/admin/offers/" + offer.id + "/capacity").then().statusCode(200)
                .body("remaining", equalTo(0));
        given().auth().oauth2(waiting).when().get("/api/me/waitlist").then().body("[0].status", equalTo("SERVED"));
    }

    /** 50 holders release at once while 60 parties wait: the first 50 in list order get a place each, once. */
    @Test
    void fiftyReleasesAtOnceRefillEachPlaceOnceInListOrder() throws Exception {
        Offer offer = offer(50);
        List<String> holders = new ArrayList<>();
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            holders.add(resident("h" + i));
            tickets.add(claim(holders.get(i), offer, 1));
        }
        List<String> waiters = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            waiters.add(resident("w" + i));
        }
        // joining at once too: positions 1..60, no gaps, no twins
        List<Integer> joined = Race.run(60, i -> join(waiters.get(i), offer, 1).then().extract().statusCode());
        assertThat(joined).containsOnly(201);
        assertThat(sql.number("select count(distinct position) from waitlist_entry where offer_id = ? and position between 1 and 60", offer.id))
                .isEqualTo(60);

        List<Integer> released = Race.run(50, i -> given().auth().oauth2(holders.get(i)).when()
                .delete("/api/tickets/" + tickets.get(i)).then().extract().statusCode());
        assertThat(released).containsOnly(204);

        assertThat(sql.number("select count(*) from waitlist_entry where offer_id = ? and status = 'SERVED'", offer.id)).isEqualTo(50);
        assertThat(sql.number("select max(position) from waitlist_entry where offer_id = ? and status = 'SERVED'", offer.id)).isEqualTo(50);
        assertThat(sql.number("select min(position) from waitlist_entry where offer_id = ? and status = 'WAITING'", offer.id)).isEqualTo(51);
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and status = 'ACTIVE'", offer.id)).isEqualTo(50);
        assertThat(sql.number("""
                select count(*) from waitlist_entry w join ticket t on t.id = w.ticket_id
                where w.offer_id = ? and t.holder_subject = w.holder_subject and t.status = 'ACTIVE'""", offer.id)).isEqualTo(50);
        assertThat(sql.number("select count(distinct ticket_id) from waitlist_entry where offer_id = ?", offer.id)).isEqualTo(50);
        assertThat(remaining(offer)).isZero();
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ? and remaining < 0", offer.id)).isZero();
    }

    private Offer offer(int capacity) {
        return data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, capacity);
    }

    private static String resident(String prefix) {
        return LocalTokens.resident(TestData.unique(prefix), "62300");
    }

    private static long claim(String token, Offer offer, int party) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("offerId", offer.id, "partySize", party))
                .when().post("/api/tickets").then().statusCode(201).extract().<Integer>path("id").longValue();
    }

    private static Response join(String token, Offer offer, int party) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("partySize", party))
                .when().post("/api/offers/" + offer.id + "/waitlist");
    }

    private long remaining(Offer offer) {
        return sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id);
    }
}
