package org.grandjour.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
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

/**
 * An edition's confirmation deadline (the day before at 18:00 here): one last warning 24 hours before,
 * then the unconfirmed tickets are released and the waiting list refilled; confirmed tickets stay.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ConfirmationDeadlineTest {
    private static final String PROBLEMS = org.grandjour.common.Problem.TYPE_BASE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MAIL_DOMAIN = "@residents.grandjour.test";
    /** Each test's visit day three days after the previous one's: the job's passes see one test's tickets only. */
    private static final java.util.concurrent.atomic.AtomicInteger DAYS_AHEAD = new java.util.concurrent.atomic.AtomicInteger(10);

    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    Reminders reminders;

    LocalDate day;
    Edition edition;
    Instant deadline;

    @BeforeEach
    void editionWithADeadline() {
        day = LocalDate.now(PARIS).plusDays(DAYS_AHEAD.getAndAdd(3));
        edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(9)), TestData.PAS_DE_CALAIS);
        String organiser = LocalTokens.token(TestData.unique("org"), null, "organiser");
        Map<String, Object> body = editionBody();
        body.put("confirmDaysBefore", 1);
        asOrganiser(organiser, without(body, "confirmAtTime")).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-confirmation-deadline"));
        body.put("confirmAtTime", "18:00");
        body.put("confirmDaysBefore", 31);
        asOrganiser(organiser, body).then().statusCode(422).body("type", equalTo(PROBLEMS + "invalid-confirmation-deadline"));
        body.put("confirmDaysBefore", 1);
        asOrganiser(organiser, body).then().statusCode(200).body("confirmDaysBefore", equalTo(1)).body("confirmAtTime", equalTo("18:00:00"));
        deadline = day.minusDays(1).atTime(LocalTime.of(18, 0)).atZone(PARIS).toInstant();
    }

    @Test
    void unconfirmedTicketsAreWarnedOnceThenReleasedToTheWaitingList() {
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 4);
        String silentUser = TestData.unique("silent");
        long silent = claim(LocalTokens.resident(silentUser, "62300"), offer, 2);
        String confirmedToken = LocalTokens.resident(TestData.unique("sure"), "62300");
        long confirmed = claim(confirmedToken, offer, 1);
        given().auth().oauth2(confirmedToken).when().post("/api/tickets/" + confirmed + "/confirmation").then().statusCode(200);
        String laterUser = TestData.unique("later");
        long later = claim(LocalTokens.resident(laterUser, "62300"), offer, 1);
        String waitingUser = TestData.unique("waiting");
        String waiting = LocalTokens.resident(waitingUser, "62300");
        given().auth().oauth2(waiting).contentType(ContentType.JSON).body(Map.of("partySize", 2))
                .when().post("/api/offers/" + offer.id + "/waitlist").then().statusCode(201);

        Instant warnFrom = deadline.minus(Duration.ofHours(24));
        assertThat(reminders.applyDeadlines(warnFrom.minusSeconds(60))).isEqualTo(new Reminders.Deadlines(0, 0));
        assertThat(reminders.applyDeadlines(warnFrom.plusSeconds(60)).warned()).isEqualTo(2); // not the confirmed one
        assertThat(reminders.applyDeadlines(warnFrom.plusSeconds(120)).warned()).isZero(); // once
        assertThat(sql.number("select count(*) from ticket where id in (?, ?) and deadline_warned_at is not null", silent, later)).isEqualTo(2);
        assertThat(sql.number("select count(*) from ticket where id = ? and deadline_warned_at is null", confirmed)).isEqualTo(1);

        // the warning, read from the mailbox (French: a resident of Pas-de-Calais without a chosen language)
        List<Map<String, Object>> laterMails = MailBox.await(laterUser + MAIL_DOMAIN);
        assertThat(laterMails).hasSize(1);
        assertThat((String) laterMails.get(0).get("subject")).contains("confirmez votre visite");
        String raw = ((String) laterMails.get(0).get("mimeMessage")).replace("=\r\n", "").replace("=\n", "");
        Matcher links = Pattern.compile("/links/([A-Za-z0-9_-]{43})").matcher(raw);
        assertThat(links.find()).isTrue();
        given().when().post("/api/ticket-links/" + links.group(1)).then().statusCode(200) // "yes, we are coming"
                .body("ticketStatus", equalTo("ACTIVE"));
        assertThat(MailBox.await(silentUser + MAIL_DOMAIN)).hasSize(1);

        assertThat(reminders.applyDeadlines(deadline.minusSeconds(60)).released()).isZero(); // not yet
        assertThat(reminders.applyDeadlines(deadline.plusSeconds(60))).isEqualTo(new Reminders.Deadlines(0, 1));
        assertThat(reminders.applyDeadlines(deadline.plusSeconds(120)).released()).isZero(); // once

        assertThat(sql.number("select count(*) from ticket where id = ? and status = 'CANCELLED' and released_via = 'DEADLINE'", silent))
                .isEqualTo(1);
        assertThat(sql.number("select count(*) from ticket where id in (?, ?) and status = 'ACTIVE'", confirmed, later)).isEqualTo(2);
        // the waiting party of 2 got the 2 released places, in the release's transaction
        given().auth().oauth2(waiting).when().get("/api/me/waitlist").then().statusCode(200)
                .body("[0].status", equalTo("SERVED")).body("[0].position", nullValue());
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and status = 'ACTIVE' and party_size = 2", offer.id)).isEqualTo(1);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isZero();

        List<Map<String, Object>> silentMails = MailBox.await(silentUser + MAIL_DOMAIN, 2);
        assertThat(silentMails).hasSize(2);
        assertThat(silentMails).anySatisfy(m -> assertThat((String) m.get("subject")).contains("ont été libérées"));
        assertThat(MailBox.await(waitingUser + MAIL_DOMAIN)).hasSize(1);
    }

    @Test
    void jobsRacingOnSeveralInstancesWarnAndReleaseEachTicketOnce() throws Exception {
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 20);
        List<String> users = List.of(TestData.unique("r1"), TestData.unique("r2"), TestData.unique("r3"), TestData.unique("r4"));
        for (String u : users) {
            claim(LocalTokens.residentWithEmail(u, "62300", u + MAIL_DOMAIN, "en"), offer, 2);
        }
        Instant warnAt = deadline.minus(Duration.ofHours(12));
        List<Reminders.Deadlines> warned = Race.run(6, i -> reminders.applyDeadlines(warnAt));
        // a warning whose mail failed (a slow mail server on a loaded machine) is tried again by the next run,
        // as the job does every minute: the jobs run until every ticket is warned, and none twice
        int warnings = warned.stream().mapToInt(Reminders.Deadlines::warned).sum();
        for (int run = 0; run < 5 && warnings < 4; run++) {
            warnings += reminders.applyDeadlines(warnAt).warned();
        }
        assertThat(warnings).isEqualTo(4);
        List<Reminders.Deadlines> released = Race.run(6, i -> reminders.applyDeadlines(deadline.plusSeconds(1)));
        int releases = released.stream().mapToInt(Reminders.Deadlines::released).sum();
        for (int run = 0; run < 5 && releases < 4; run++) {
            releases += reminders.applyDeadlines(deadline.plusSeconds(1)).released();
        }
        assertThat(releases).isEqualTo(4);

        assertThat(sql.number("select count(*) from ticket where offer_id = ? and status = 'CANCELLED' and released_via = 'DEADLINE'", offer.id))
                .isEqualTo(4);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(20); // given back once each
        for (String u : users) {
            List<Map<String, Object>> mails = MailBox.await(u + MAIL_DOMAIN, 2);
            assertThat(mails).extracting(m -> (String) m.get("subject"))
                    .satisfiesExactlyInAnyOrder(s -> assertThat(s).contains("please confirm your visit"),
                            s -> assertThat(s).contains("were released"));
        }
    }

    private long claim(String token, Offer offer, int partySize) {
        return Claims.claim(token, offer.id, partySize).then().statusCode(201).extract().<Integer>path("id").longValue();
    }

    private Map<String, Object> editionBody() {
        return TestData.editionInput(edition);
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(key);
        return copy;
    }

    private io.restassured.response.Response asOrganiser(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put("/api/admin/editions/" + edition.id);
    }
}
