package org.grandjour.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.grandjour.ballot.BallotFixture.apply;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.MailBox;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The organiser's overview and disqualifications, the draw through the API (once, even under a race,
 * never more tickets than places), the public report and files, and the standalone verifier agreeing.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class BallotDrawApiTest {
    static final String PROBLEMS = "https://grandjour.example/problems/";

    @Inject
    TestData data;
    @Inject
    BallotFixture ballot;
    @Inject
    Sql sql;
    @Inject
    BallotResultMails resultMails;

    final String organiser = LocalTokens.token(TestData.unique("org"), "62000", "organiser");
    LocalDate day = LocalDate.now().plusDays(20);

    record Setup(Edition edition, byte[] seed, List<Offer> offers, List<String> tokens, List<String> emails) {
    }

    Setup setup(int applicants) {
        Edition edition = data.edition(day, day.plusDays(1), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS, TestData.KENT);
        byte[] seed = ballot.ballot(edition, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), 3);
        ballot.share(edition, TestData.PAS_DE_CALAIS, 50);
        List<Offer> offers = List.of(
                data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.ANIMALS), day, 6),
                data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 4),
                data.offer(edition, data.attraction(TestData.KENT, Category.HERITAGE), day.plusDays(1), 5));
        List<String> tokens = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < applicants; i++) {
            String username = TestData.unique("app" + i);
            String email = username + "@residents.grandjour.test";
            String token = LocalTokens.residentWithEmail(username, i % 3 == 0 ? "CT1 1AA" : "62300", email, i % 2 == 0 ? "fr" : "en");
            List<Long> choices = switch (i % 4) {
                case 0 -> List.of(offers.get(0).id, offers.get(1).id);
                case 1 -> List.of(offers.get(0).id);
                case 2 -> List.of(offers.get(2).id, offers.get(0).id, offers.get(1).id);
                default -> List.of(offers.get(1).id, offers.get(2).id);
            };
            apply(token, edition.id, Map.of("partySize", 1 + i % 3, "choices", choices, "anyOtherSameDay", i % 5 == 0))
                    .then().statusCode(201);
            tokens.add(token);
            emails.add(email);
        }
        return new Setup(edition, seed, offers, tokens, emails);
    }

    private io.restassured.specification.RequestSpecification asOrganiser() {
        return given().auth().oauth2(organiser).contentType("application/json");
    }

    @Test
    void overviewShowsDemandAndDuplicatesAndDisqualificationsEndAtClose() {
        Setup s = setup(8);
        String gmail = TestData.unique("jean.dupont").replace("-", "");
        String first = LocalTokens.residentWithEmail(TestData.unique("dup"), "62300", gmail + "+ballot@gmail.com", "fr");
        String second = LocalTokens.residentWithEmail(TestData.unique("dup"), "62300", gmail.replace(".", "").toUpperCase() + "@googlemail.com", "fr");
        apply(first, s.edition().id, Map.of("partySize", 1, "choices", List.of(s.offers().get(0).id))).then().statusCode(201);
        int dupId = apply(second, s.edition().id, Map.of("partySize", 1, "choices", List.of(s.offers().get(0).id))).then().statusCode(201)
                .extract().path("id");

        String base = "/api/admin/editions/" + s.edition().id + "/ballot";
        asOrganiser().when().get(base).then().statusCode(200)
                .body("applications", equalTo(10)).body("disqualificationOpen", equalTo(true)).body("drawn", equalTo(false))
                .body("demand", hasSize(3))
                .body("duplicates.findAll { it.match == 'EMAIL' }", hasSize(1))
                .body("duplicates.find { it.match == 'EMAIL' }.applications", hasSize(2));
        Response demand = asOrganiser().when().get(base);
        int firstOffer = demand.path("demand.find { it.offerId == " + s.offers().get(0).id + " }.firstChoices");
        assertThat(firstOffer).isEqualTo(2 + 2 + 2); // i%4 in {0,1} of 8 applicants, plus the two duplicates

        given().auth().oauth2(s.tokens().get(0)).when().get(base).then().statusCode(403);
        asOrganiser().body(Map.of("reason", "same person as another application (email alias)"))
                .when().post(base + "/applications/" + dupId + "/disqualification").then().statusCode(200)
                .body("status", equalTo("DISQUALIFIED"));
        asOrganiser().body(Map.of("reason", "again")).when().post(base + "/applications/" + dupId + "/disqualification")
                .then().statusCode(409);
        assertThat(sql.number("select count(*) from audit_log where action = 'ballot.disqualify' and entity_id = ?", String.valueOf(dupId)))
                .isEqualTo(1);
        given().auth().oauth2(second).when().get("/api/editions/" + s.edition().id + "/my-application").then()
                .body("status", equalTo("DISQUALIFIED")).body("disqualifiedReason", notNullValue());
        apply(second, s.edition().id, Map.of("partySize", 2, "choices", List.of(s.offers().get(0).id))).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "application-disqualified"));

        ballot.close(s.edition());
        int other = given().auth().oauth2(first).when().get("/api/editions/" + s.edition().id + "/my-application").then().extract().path("id");
        asOrganiser().body(Map.of("reason", "too late")).when().post(base + "/applications/" + other + "/disqualification")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "application-window-closed"));
    }

    @Test
    void aBallotNobodyAppliedToDrawsNothing() {
        Setup s = setup(0);
        ballot.close(s.edition());
        asOrganiser().body(Map.of("publicValue", "")).when().post("/api/admin/editions/" + s.edition().id + "/draw")
                .then().statusCode(200).body("stage", equalTo("DRAWN")).body("figures.applications", equalTo(0))
                .body("figures.winners", equalTo(0));
        assertThat(sql.number("select count(*) from ticket where edition_id = ?", s.edition().id)).isZero();
    }

    @Test
    void noDrawBeforeTheWindowCloses() {
        Setup s = setup(2);
        asOrganiser().body(Map.of("publicValue", "x")).when().post("/api/admin/editions/" + s.edition().id + "/draw")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "draw-too-early"));
        given().when().get("/api/editions/" + s.edition().id + "/draw/snapshot").then().statusCode(409);
        given().when().get("/api/editions/" + s.edition().id + "/draw/result").then().statusCode(409);
        given().auth().oauth2(s.tokens().get(0)).contentType("application/json").body(Map.of("publicValue", "x"))
                .when().post("/api/admin/editions/" + s.edition().id + "/draw").then().statusCode(403);
    }

    @Test
    void oneDrawUnderARaceNeverOversellsAndAnyoneCanVerifyIt(@TempDir Path dir) throws Exception {
        Setup s = setup(24);
        int disqualified = apply(LocalTokens.resident(TestData.unique("dq"), "62300"), s.edition().id,
                Map.of("partySize", 1, "choices", List.of(s.offers().get(0).id))).then().extract().path("id");
        asOrganiser().body(Map.of("reason", "duplicate")).when()
                .post("/api/admin/editions/" + s.edition().id + "/ballot/applications/" + disqualified + "/disqualification").then().statusCode(200);
        ballot.close(s.edition());
        String commitment = DrawGenerator.commitment(s.seed());
        String snapshotHash = given().when().get("/api/editions/" + s.edition().id + "/draw").then().statusCode(200)
                .body("stage", equalTo("CLOSED")).body("commitment", equalTo(commitment)).body("seed", equalTo(null))
                .body("snapshotHash", notNullValue()).extract().path("snapshotHash");

        String publicValue = "Loto 2027-06-01: 4 12 19 33 41 + 7";
        List<Response> responses = Race.run(8, i -> asOrganiser().body(Map.of("publicValue", publicValue))
                .when().post("/api/admin/editions/" + s.edition().id + "/draw"));
        assertThat(responses.stream().filter(r -> r.statusCode() == 200).count()).isEqualTo(1);
        Response drawn = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        String resultHash = drawn.path("resultHash");
        assertThat(responses.stream().filter(r -> r.statusCode() != 200)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.<String>path("type")).isEqualTo(PROBLEMS + "already-drawn");
            assertThat(r.<String>path("draw.resultHash")).isEqualTo(resultHash);
        });

        // the database: never more persons than places, tickets match the winners
        for (Offer o : s.offers()) {
            long booked = sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", o.id);
            long remaining = sql.number("select sum(remaining) from offer_quota where offer_id = ?", o.id);
            assertThat(booked + remaining).isEqualTo(o.capacity);
            assertThat(booked).isLessThanOrEqualTo(o.capacity);
        }
        long winners = sql.number("select count(*) from ballot_outcome where edition_id = ? and won_offer_id is not null and ticket_id is not null",
                s.edition().id);
        assertThat(winners).isPositive();
        assertThat(sql.number("select count(*) from ticket where edition_id = ?", s.edition().id)).isEqualTo(winners);
        assertThat(sql.number("select count(*) from ballot_outcome where edition_id = ? and won_offer_id is null", s.edition().id))
                .isEqualTo(24 - winners);
        // each drawn application once, at positions 1..24
        assertThat(sql.number("select count(distinct position) from ballot_outcome where edition_id = ? and position between 1 and 24",
                s.edition().id)).isEqualTo(24);
        // the waiting lists are not written by the draw (V26): each offer with losers is pending until first needed
        assertThat(sql.number("select count(*) from waitlist_entry w join offer o on o.id = w.offer_id where o.edition_id = ?",
                s.edition().id)).isZero();
        assertThat(sql.number("select count(*) from ballot_waitlist_pending where edition_id = ?", s.edition().id)).isEqualTo(sql.number("""
                select count(distinct c.offer_id) from ballot_outcome b join ballot_choice c on c.application_id = b.application_id
                where b.edition_id = ? and b.won_offer_id is null""", s.edition().id));
        // the dashboard counts a pending list exactly, from the draw
        Response stats = given().auth().oauth2(organiser).when().get("/api/editions/" + s.edition().id + "/stats");
        stats.then().statusCode(200);
        for (Offer o : s.offers()) {
            assertThat(stats.<Integer>path("waitlists.find { it.offerId == " + o.id + " }.waitingParties").longValue())
                    .isEqualTo(sql.number("""
                            select count(*) from ballot_outcome b join ballot_choice c on c.application_id = b.application_id
                            where c.offer_id = ? and b.won_offer_id is null""", o.id));
        }

        // the public report: the seed matches its commitment, the files match their hashes
        Response report = given().when().get("/api/editions/" + s.edition().id + "/draw");
        report.then().statusCode(200).body("stage", equalTo("DRAWN")).body("snapshotHash", equalTo(snapshotHash))
                .body("publicValue", equalTo(publicValue)).body("resultHash", equalTo(resultHash))
                .body("figures.applications", equalTo(24)).body("figures.winners", equalTo((int) winners))
                .body("figures.disqualified", equalTo(1)).body("figures.disqualificationReasons[0].reason", equalTo("duplicate"))
                .body("figures.territories", hasSize(2));
        String seedHex = report.path("seed");
        assertThat(seedHex).isEqualTo(HexFormat.of().formatHex(s.seed()));
        byte[] snapshot = given().when().get("/api/editions/" + s.edition().id + "/draw/snapshot").then().statusCode(200).extract().asByteArray();
        byte[] result = given().when().get("/api/editions/" + s.edition().id + "/draw/result").then().statusCode(200).extract().asByteArray();
        assertThat(sha256(snapshot)).isEqualTo(snapshotHash);
        assertThat(sha256(result)).isEqualTo(resultHash);
        String published = new String(snapshot) + new String(result);
        assertThat(published).doesNotContain("@").doesNotContain("Test app");

        Path snapshotFile = dir.resolve("snapshot.json");
        Path resultFile = dir.resolve("result.json");
        Files.write(snapshotFile, snapshot);
        Files.write(resultFile, result);
        DrawVerifierTest.Run ok = DrawVerifierTest.verify(snapshotFile, resultFile, seedHex, publicValue);
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains(resultHash).contains(commitment);

        // each applicant sees their position and result, and gets the result by mail
        for (int i = 0; i < 3; i++) {
            Response mine = given().auth().oauth2(s.tokens().get(i)).when().get("/api/editions/" + s.edition().id + "/my-application");
            mine.then().statusCode(200).body("position", notNullValue());
            assertThat(published).contains("\"" + mine.<String>path("drawId") + "\"");
            if (mine.<String>path("status").equals("WON")) {
                given().auth().oauth2(s.tokens().get(i)).when().get("/api/tickets/" + mine.<Integer>path("ticketId")).then().statusCode(200)
                        .body("offer.id", equalTo(mine.<Integer>path("wonOfferId")));
            } else {
                assertThat(mine.<String>path("status")).isEqualTo("WAITLISTED");
                assertThat(mine.<List<?>>path("waitingLists")).isNotEmpty();
            }
            List<Map<String, Object>> mails = MailBox.await(s.emails().get(i));
            assertThat(mails).isNotEmpty();
            assertThat(mails.get(0).get("subject").toString()).contains(i % 2 == 0 ? "tirage au sort" : "ballot");
        }

        // the result mails are durable: each is owed in the database until sent (or none is owed: no address)
        long edition = s.edition().id;
        long owedDeadline = System.nanoTime() + MailBox.PATIENCE.toNanos();
        while (sql.number("select count(*) from ballot_outcome where edition_id = ? and result_mailed_at is null", edition) > 0
                && System.nanoTime() < owedDeadline) {
            Thread.sleep(250);
        }
        assertThat(sql.number("select count(*) from ballot_outcome where edition_id = ? and result_mailed_at is null", edition)).isZero();
        // a backend stopped before sending two of them: the next run (any instance) sends those two, once
        sql.update("""
                update ballot_outcome set result_mailed_at = null where application_id in
                    (select id from ballot_application where edition_id = ? and holder_email in (?, ?))""",
                edition, s.emails().get(0), s.emails().get(1));
        sql.update("update ballot_draw set result_mails_done_at = null where edition_id = ?", edition);
        assertThat(resultMails.sendOwed()).isEqualTo(2);
        assertThat(resultMails.sendOwed()).isZero();
        for (int i = 0; i < 3; i++) {
            List<Map<String, Object>> mails = MailBox.await(s.emails().get(i), i < 2 ? 2 : 1);
            assertThat(mails).hasSize(i < 2 ? 2 : 1);
            assertThat(mails.get(mails.size() - 1).get("subject")).isEqualTo(mails.get(0).get("subject"));
        }
        assertThat(sql.number("select count(*) from ballot_draw where edition_id = ? and result_mails_done_at is not null", edition)).isOne();

        // a waiting resident's places are those of the published result; asking writes the lists it is on
        io.restassured.path.json.JsonPath published_ = io.restassured.path.json.JsonPath.from(new String(result));
        String waitingToken = null;
        String wonToken = null;
        for (String token : s.tokens()) {
            Response mine = given().auth().oauth2(token).when().get("/api/editions/" + s.edition().id + "/my-application");
            if (waitingToken == null && mine.<String>path("status").equals("WAITLISTED")) {
                waitingToken = token;
                List<Map<String, Object>> places = mine.path("waitingLists");
                assertThat(places).isNotEmpty();
                for (Map<String, Object> place : places) {
                    List<String> queue = published_.getList("waitingLists.find { it.offer == " + place.get("offerId") + " }.queue");
                    assertThat(place.get("position")).isEqualTo(queue.indexOf(mine.<String>path("drawId")) + 1);
                }
            }
            if (wonToken == null && mine.<String>path("status").equals("WON")) {
                wonToken = token;
            }
        }
        assertThat(waitingToken).isNotNull();
        assertThat(wonToken).isNotNull();

        // a winner gives the places back: that offer's list is written in draw order, and whoever waits first and fits is served
        Response winner = given().auth().oauth2(wonToken).when().get("/api/editions/" + s.edition().id + "/my-application");
        long offerId = winner.<Integer>path("wonOfferId").longValue();
        given().auth().oauth2(wonToken).when().delete("/api/tickets/" + winner.<Integer>path("ticketId")).then().statusCode(204);
        assertThat(sql.number("select count(*) from ballot_waitlist_pending where offer_id = ?", offerId)).isZero();
        List<String> queue = published_.getList("waitingLists.find { it.offer == " + offerId + " }.queue");
        assertThat(sql.number("select count(*) from waitlist_entry where offer_id = ?", offerId)).isEqualTo(queue.size());
        for (int q = 0; q < queue.size(); q++) {
            assertThat(sql.number("""
                    select count(*) from waitlist_entry w join ballot_application a on a.id = w.application_id
                    where w.offer_id = ? and w.position = ? and a.draw_id = ? and w.source = 'BALLOT'""", offerId, q + 1, queue.get(q)))
                    .isEqualTo(1);
        }
        long remaining = sql.number("select sum(remaining) from offer_quota where offer_id = ?", offerId);
        long firstFitting = sql.number("""
                select coalesce(min(position), 0) from waitlist_entry where offer_id = ? and party_size <= ? + coalesce(
                    (select sum(party_size) from waitlist_entry where offer_id = ? and status = 'SERVED'), 0)""", offerId, remaining, offerId);
        if (firstFitting > 0) {
            assertThat(sql.number("select min(position) from waitlist_entry where offer_id = ? and status = 'SERVED'", offerId))
                    .isEqualTo(firstFitting);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
