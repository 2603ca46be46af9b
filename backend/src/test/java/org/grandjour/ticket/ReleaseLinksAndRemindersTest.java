package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.common.ProblemException;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.MailBox;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Releasing until opening, one-click links from mails (once, even raced), and the reminders that carry them. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ReleaseLinksAndRemindersTest {
    private static final String PROBLEMS = org.grandjour.common.Problem.TYPE_BASE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    TicketService tickets;
    @Inject
    TicketLinks links;
    @Inject
    Reminders reminders;

    LocalDate day;
    Offer offer;

    @BeforeEach
    void offerInTenDays() {
        day = LocalDate.now(PARIS).plusDays(10);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(9)),
                TestData.PAS_DE_CALAIS);
        offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 10);
    }

    @Test
    void aTicketCanBeReleasedOnItsDayUntilTheAttractionOpens() {
        String resident = LocalTokens.resident(TestData.unique("morning"), "62300");
        long first = claim(resident, 2);
        Instant opening = day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant();
        given().auth().oauth2(resident).when().get("/api/tickets/" + first).then().statusCode(200)
                .body("releasableUntil", equalTo(opening.toString())).body("cancellable", equalTo(true))
                .body("offer.opensAt", equalTo("10:00:00"));

        // 09:00 on the day: the day has begun, the doors have not opened: plans change, the places go back
        QuarkusTransaction.requiringNew().run(() -> tickets.release(ticket(first), opening.minus(Duration.ofHours(1)), "APP"));
        assertThat(sql.number("select count(*) from ticket where id = ? and status = 'CANCELLED' and released_via = 'APP'", first)).isEqualTo(1);
        assertThat(remaining()).isEqualTo(10);

        long second = claim(LocalTokens.resident(TestData.unique("late"), "62300"), 1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> tickets.release(ticket(second), opening, "APP")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().uri()).isEqualTo(PROBLEMS + "cancel-too-late"));
        assertThat(remaining()).isEqualTo(9);
    }

    @Test
    void theSameReleaseLinkClickedTwentyTimesAtOnceReleasesOnce() throws Exception {
        String resident = LocalTokens.resident(TestData.unique("race"), "62300");
        long id = claim(resident, 3);
        String token = link(id, TicketLinkAction.RELEASE, Instant.now().plus(Duration.ofDays(1)));

        given().when().get("/api/ticket-links/" + token).then().statusCode(200) // showing does nothing
                .body("action", equalTo("RELEASE")).body("ticketStatus", equalTo("ACTIVE")).body("partySize", equalTo(3));
        List<Integer> statuses = Race.run(20, i -> given().when().post("/api/ticket-links/" + token).then().extract().statusCode());

        assertThat(statuses).containsOnly(200, 410);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(sql.number("select count(*) from ticket where id = ? and status = 'CANCELLED' and released_via = 'LINK'", id)).isEqualTo(1);
        assertThat(remaining()).isEqualTo(10); // the 3 places came back once, not 3 × 20
        assertThat(sql.number("select count(*) from offer_quota q where q.offer_id = ? and q.remaining < 0", offer.id)).isZero();
        given().when().post("/api/ticket-links/" + token).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "link-gone"));
        given().when().get("/api/ticket-links/" + token).then().statusCode(200).body("usedAt", notNullValue())
                .body("ticketStatus", equalTo("CANCELLED"));
    }

    @Test
    void linksAreSingleUseExpireAndDoOnlyTheirAction() {
        String resident = LocalTokens.resident(TestData.unique("links"), "62300");
        long id = claim(resident, 1);
        String expired = link(id, TicketLinkAction.RELEASE, Instant.now().minusSeconds(1));
        given().when().post("/api/ticket-links/" + expired).then().statusCode(410).body("type", equalTo(PROBLEMS + "link-gone"));
        given().when().post("/api/ticket-links/" + "A".repeat(43)).then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/ticket-links/not-a-token%00").then().statusCode(404).contentType("application/problem+json");

        String confirm = link(id, TicketLinkAction.CONFIRM, Instant.now().plus(Duration.ofDays(1)));
        given().when().post("/api/ticket-links/" + confirm).then().statusCode(200)
                .body("confirmedAt", notNullValue()).body("ticketStatus", equalTo("ACTIVE"));
        assertThat(remaining()).isEqualTo(9); // confirming gives nothing back

        // the app says the same; twice changes nothing
        String at = given().auth().oauth2(resident).when().post("/api/tickets/" + id + "/confirmation").then().statusCode(200)
                .extract().path("confirmedAt");
        given().auth().oauth2(resident).when().post("/api/tickets/" + id + "/confirmation").then().statusCode(200)
                .body("confirmedAt", equalTo(at));

        // released in the app: a release link for it then answers 409 and stays usable for nothing else
        String release = link(id, TicketLinkAction.RELEASE, Instant.now().plus(Duration.ofDays(1)));
        given().auth().oauth2(resident).when().delete("/api/tickets/" + id).then().statusCode(204);
        given().when().post("/api/ticket-links/" + release).then().statusCode(409).body("type", equalTo(PROBLEMS + "ticket-cancelled"));
        given().auth().oauth2(resident).when().post("/api/tickets/" + id + "/confirmation").then().statusCode(409);
    }

    @Test
    void aReminderAWeekBeforeCarriesLinksThatWorkWithoutLoggingIn() {
        String username = TestData.unique("remind");
        long id = claim(LocalTokens.resident(username, "62300"), 2);
        Instant weekBefore = day.minusDays(7).atTime(LocalTime.of(10, 1)).atZone(PARIS).toInstant();

        reminders.sendDue(weekBefore.minus(Duration.ofMinutes(2))); // not due yet
        assertThat(sql.number("select count(*) from ticket_reminder where ticket_id = ?", id)).isZero();
        reminders.sendDue(weekBefore);
        reminders.sendDue(weekBefore.plusSeconds(60)); // once only
        assertThat(sql.number("select count(*) from ticket_reminder where ticket_id = ? and days_before = 7 and mailed", id)).isEqualTo(1);

        String address = username + "@residents.grandjour.test";
        List<Map<String, Object>> mails = MailBox.await(address);
        assertThat(mails).hasSize(1);
        String subject = (String) mails.get(0).get("subject");
        String raw = (String) mails.get(0).get("mimeMessage");
        assertThat(subject).contains("vous venez toujours"); // a resident of Pas-de-Calais without a chosen language: French
        assertThat(raw).contains("text/calendar");
        Matcher release = Pattern.compile("/links/([A-Za-z0-9_-]{43})").matcher(raw.replace("=\r\n", "").replace("=\n", ""));
        assertThat(release.find()).isTrue();
        String confirmToken = release.group(1);
        assertThat(release.find()).isTrue();
        String releaseToken = release.group(1);
        given().when().get("/api/ticket-links/" + confirmToken).then().statusCode(200).body("action", equalTo("CONFIRM"));
        given().when().post("/api/ticket-links/" + releaseToken).then().statusCode(200).body("ticketStatus", equalTo("CANCELLED"));
        assertThat(remaining()).isEqualTo(10);

        // the day-before reminder does not go to a released ticket
        reminders.sendDue(day.minusDays(1).atTime(LocalTime.of(10, 1)).atZone(PARIS).toInstant());
        assertThat(sql.number("select count(*) from ticket_reminder where ticket_id = ? and days_before = 1", id)).isZero();
    }

    @Test
    void whenBothRemindersAreDueOnlyTheNearestGoes() {
        String username = TestData.unique("both");
        long id = claim(LocalTokens.resident(username, "62300"), 1);
        reminders.sendDue(day.minusDays(1).atTime(LocalTime.of(12, 0)).atZone(PARIS).toInstant());
        assertThat(sql.number("select count(*) from ticket_reminder where ticket_id = ? and days_before = 1 and mailed", id)).isEqualTo(1);
        assertThat(sql.number("select count(*) from ticket_reminder where ticket_id = ? and days_before = 7 and not mailed", id)).isEqualTo(1);
        assertThat(MailBox.await(username + "@residents.grandjour.test")).hasSize(1);
    }

    private long claim(String token, int partySize) {
        return Claims.claim(token, offer.id, partySize).then().statusCode(201).extract().<Integer>path("id").longValue();
    }

    private Ticket ticket(long id) {
        return Ticket.<Ticket>findByIdOptional(id).orElseThrow();
    }

    private String link(long ticketId, TicketLinkAction action, Instant expiresAt) {
        return QuarkusTransaction.requiringNew().call(() -> links.create(ticketId, action, expiresAt));
    }

    private long remaining() {
        return sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id);
    }
}
