package org.grandjour.overbooking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.grandjour.ticket.Claims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Overbooking through the admin endpoints: an edition's risk gives offers with history an allowance
 * (and the dashboard shows the model), none without history, an own risk without history is 422;
 * racing claims never book more than capacity + allowance, checked in the database.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class OverbookingApiTest {
    private static final String PROBLEMS = org.grandjour.common.Problem.TYPE_BASE;
    /** History parties of 1, 2, 2, 3 persons in turn. */
    private static final int[] SIZES = {1, 2, 2, 3};

    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    OverbookingService overbooking;

    String organiser;
    Attraction known;
    Attraction unknown;
    Edition edition;
    LocalDate day;

    @BeforeEach
    void historyAndAnEditionWithARisk() {
        organiser = LocalTokens.token(TestData.unique("org"), null, "organiser");
        known = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        unknown = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
        // last year: two days of the known attraction, 100 parties a day, 70 and 72 of them came
        LocalDate past = LocalDate.now().minusYears(1);
        Edition history = data.edition(past, past.plusDays(1), Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(380)), TestData.PAS_DE_CALAIS);
        pastDay(data.offer(history, known, past, 300), history, 100, 70);
        pastDay(data.offer(history, known, past.plusDays(1), 300), history, 100, 72);

        day = LocalDate.now().plusDays(20);
        edition = data.edition(day, day.plusDays(1), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(19)),
                TestData.PAS_DE_CALAIS);
        Map<String, Object> body = editionBody();
        body.put("overbookingRisk", 25);
        asOrganiser().body(body).put("/api/admin/editions/" + edition.id).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-overbooking-risk"));
        body.put("overbookingRisk", 1);
        Number risk = asOrganiser().body(body).put("/api/admin/editions/" + edition.id).then().statusCode(200).extract().path("overbookingRisk");
        assertThat(risk.doubleValue()).isEqualTo(1.0);
    }

    @Test
    void offersWithHistoryGetTheModelsAllowanceOthersNone() {
        int withHistory = createOffer(known, day, 40);
        int withoutHistory = createOffer(unknown, day, 40);

        JsonPath stats = asOrganiser().get("/api/editions/" + edition.id + "/stats").then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        Map<String, Object> model = stats.getMap("overbooking.find { it.offerId == " + withHistory + " }");
        assertThat(model.get("historyParties")).isEqualTo(200);
        assertThat(((Number) model.get("noShowRate")).doubleValue()).isCloseTo(1 - 142 / 200.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(((Number) model.get("riskPercent")).doubleValue()).isEqualTo(1.0);
        double dispersion = ((Number) model.get("dispersion")).doubleValue();
        assertThat(dispersion).isGreaterThanOrEqualTo(1 / 200.0); // at least the uncertainty of a rate from 200 parties
        // the allowance is the model's for these inputs, and it leaves at most the chosen risk
        OverbookingModel.Allowance expected = OverbookingModel.allowance(40, 0.01, 142 / 200.0, dispersion, new double[] {0, 50, 100, 50}, 40);
        assertThat(expected.extra()).isPositive();
        assertThat(model.get("allowance")).isEqualTo(expected.extra());
        assertThat(((Number) model.get("overflowRisk")).doubleValue()).isCloseTo(expected.risk(), org.assertj.core.api.Assertions.within(1e-12))
                .isLessThanOrEqualTo(0.01);
        given().get("/api/editions/" + edition.id + "/offers").then().statusCode(200)
                .body("find { it.id == " + withHistory + " }.remaining", equalTo(40 + expected.extra()))
                .body("find { it.id == " + withoutHistory + " }.remaining", equalTo(40));

        Map<String, Object> none = stats.getMap("overbooking.find { it.offerId == " + withoutHistory + " }");
        assertThat(none.get("historyParties")).isNull();
        assertThat(none.get("allowance")).isEqualTo(0);
        // asking for an own risk without history is refused; turning it off or back is fine
        capacity(withoutHistory, Map.of("capacity", 40, "overbooking", "CUSTOM", "overbookingRisk", 2)).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "overbooking-without-history"));
        capacity(withHistory, Map.of("capacity", 40, "overbooking", "OFF")).then().statusCode(200).body("remaining", equalTo(40));
        capacity(withHistory, Map.of("capacity", 40, "overbooking", "CUSTOM", "overbookingRisk", 5)).then().statusCode(200);
        assertThat(sql.number("select overbooking_allowance from offer where id = ?", (long) withHistory)).isGreaterThan(expected.extra());
        capacity(withHistory, Map.of("capacity", 40, "overbooking", "EDITION")).then().statusCode(200)
                .body("remaining", equalTo(40 + expected.extra()));

        // the edition turned off: no offer is overbooked any more
        asOrganiser().body(editionBody()).put("/api/admin/editions/" + edition.id).then().statusCode(200).body("overbookingRisk", nullValue());
        assertThat(sql.number("select coalesce(sum(overbooking_allowance), 0) from offer where edition_id = ?", edition.id)).isZero();
        given().get("/api/editions/" + edition.id + "/offers").then().body("find { it.id == " + withHistory + " }.remaining", equalTo(40));
    }

    @Test
    void racingClaimsBookExactlyCapacityPlusAllowance() throws Exception {
        long offer = createOffer(known, day.plusDays(1), 40);
        long allowance = sql.number("select overbooking_allowance from offer where id = ?", offer);
        assertThat(allowance).isPositive();
        String run = TestData.unique("over");
        List<Integer> statuses = Race.run(120, i -> claimRetryingWhenBusy(LocalTokens.resident(run + "-" + i, "62300"), offer));

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(40 + allowance);
        assertThat(sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", offer))
                .isEqualTo(40 + allowance);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer)).isZero();
        // nothing below zero, and the capacity cannot be lowered under what is booked
        assertThat(sql.number("select count(*) from offer_quota where offer_id = ? and remaining < 0", offer)).isZero();
        capacity((int) offer, Map.of("capacity", 39)).then().statusCode(409).body("type", equalTo(PROBLEMS + "capacity-below-booked"));
    }

    @Test
    void theAllowanceFollowsTheConfirmations() {
        long offer = createOffer(known, day, 40);
        String run = TestData.unique("conf");
        List<String> holders = new java.util.ArrayList<>();
        List<Long> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String holder = LocalTokens.resident(run + "-" + i, "62300");
            holders.add(holder);
            tickets.add(((Number) Claims.claim(holder, offer, 1).then().statusCode(201).extract().path("id")).longValue());
        }
        for (int i = 0; i < 25; i++) {
            confirm(holders.get(i), tickets.get(i));
        }
        overbooking.recomputeUpcoming(day);

        // 25 persons are certain: the model bounds the risk over the 15 places they leave open. Five were asked
        // and did not confirm: with 25 of 30 confirmed, more than the history's show rate even at its upper
        // bound, they are not expected (u = 0); the places still to hand out come at the history's rate.
        Map<String, Object> model = overbookingFigures(offer);
        double dispersion = ((Number) model.get("dispersion")).doubleValue();
        double showRate = 142 / 200.0;
        double[] sizes = {0, 50, 100, 50};
        int pool = OverbookingService.poolLimit(15, 5, 0, showRate, dispersion, sizes, 0.01, 80 - 25);
        int expected = Math.max(0, Math.min(40, 25 + pool - 40));
        assertThat(model.get("certainPersons")).isEqualTo(25);
        // 30 persons booked, the history's no-show rate: so many are expected not to come
        assertThat(((Number) model.get("expectedNoShows")).longValue()).isEqualTo(Math.round((1 - showRate) * 30));
        assertThat(model.get("allowance")).isEqualTo(expected);
        // more than if the five were as likely to come as anyone
        assertThat(expected).isGreaterThan(OverbookingModel.allowance(15, 0.01, showRate, dispersion, sizes,
                Math.min(40, OverbookingService.maxExtra(15, showRate))).extra());
        assertThat(((Number) model.get("overflowRisk")).doubleValue()).isLessThanOrEqualTo(0.01);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer)).isEqualTo(40 + expected - 30);

        // everyone confirms, and ten more claim and confirm: the capacity is certain, nothing beyond it is handed out
        for (int i = 25; i < 30; i++) {
            confirm(holders.get(i), tickets.get(i));
        }
        for (int i = 30; i < 40; i++) {
            String holder = LocalTokens.resident(run + "-" + i, "62300");
            confirm(holder, ((Number) Claims.claim(holder, offer, 1).then().statusCode(201).extract().path("id")).longValue());
        }
        overbooking.recomputeUpcoming(day);
        assertThat(overbookingFigures(offer).get("allowance")).isEqualTo(0);
        assertThat(overbookingFigures(offer).get("certainPersons")).isEqualTo(40);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer)).isZero();
    }

    private static void confirm(String holder, long ticket) {
        given().auth().oauth2(holder).post("/api/tickets/" + ticket + "/confirmation").then().statusCode(200);
    }

    private Map<String, Object> overbookingFigures(long offer) {
        return asOrganiser().get("/api/editions/" + edition.id + "/stats").then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE))
                .getMap("overbooking.find { it.offerId == " + offer + " }");
    }

    /**
     * A claim, sent again while the server answers 503 (a lock wait over its limit on this loaded machine:
     * the server's "try again", as a client would after Retry-After).
     */
    private static int claimRetryingWhenBusy(String token, long offer) {
        for (int attempt = 0; ; attempt++) {
            int status = Claims.claim(token, offer, 1).statusCode();
            if (status != 503 || attempt == 20) {
                return status;
            }
            try {
                Thread.sleep(200L + 100L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    /** One past day of the known attraction: {@code parties} tickets, {@code showed} of them admitted (whole parties). */
    private void pastDay(Offer offer, Edition history, int parties, int showed) {
        for (int i = 0; i < parties; i++) {
            int size = SIZES[i % SIZES.length];
            sql.update("""
                    insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, party_size,
                                        persons_admitted, created_at)
                    values (?, ?, ?, ?, ?, '62300', ?, ?, now())""",
                    "H" + UUID.randomUUID(), offer.id, history.id, "sub-h-" + UUID.randomUUID(), "h" + i, size, i < showed ? size : 0);
        }
    }

    private int createOffer(Attraction attraction, LocalDate on, int capacity) {
        return asOrganiser().body(Map.of("attractionId", attraction.id, "day", on.toString(), "capacity", capacity))
                .post("/api/admin/editions/" + edition.id + "/offers").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response capacity(int offerId, Map<String, Object> body) {
        return asOrganiser().body(body).put("/api/admin/offers/" + offerId + "/capacity");
    }

    private io.restassured.specification.RequestSpecification asOrganiser() {
        return given().auth().oauth2(organiser).contentType(ContentType.JSON).when();
    }

    private Map<String, Object> editionBody() {
        return TestData.editionInput(edition);
    }
}
