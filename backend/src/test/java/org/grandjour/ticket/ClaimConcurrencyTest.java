package org.grandjour.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Many claims at the same instant, then the rows in the database are checked. */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ClaimConcurrencyTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;

    Edition edition;
    Attraction attraction;
    LocalDate day = LocalDate.now().plusDays(5);

    @BeforeEach
    void setUp() {
        edition = data.edition(day, day.plusDays(1), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(4)),
                TestData.PAS_DE_CALAIS);
        attraction = data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM);
    }

    @Test
    void twoHundredResidentsRaceForTenPlaces() throws Exception {
        Offer offer = data.offer(edition, attraction, day, 50);
        data.setRemaining(offer, 10); // 40 already taken by others: 10 left

        String run = TestData.unique("r");
        List<Integer> statuses = Race.run(200, i -> Claims.claim(LocalTokens.resident(run + "-" + i, "62300"), offer.id, 1).statusCode());

        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(10L);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isZero();
        assertThat(sql.number("select count(*) from ticket where offer_id = ? and status = 'ACTIVE'", offer.id)).isEqualTo(10);
        assertThat(sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", offer.id)
                + 40 + sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(50);
    }

    @Test
    void partiesOfMixedSizesNeverOversell() throws Exception {
        Offer offer = data.offer(edition, attraction, day, 37);
        String run = TestData.unique("m");
        List<Response> responses = Race.run(150, i -> Claims.claim(LocalTokens.resident(run + "-" + i, "62300"), offer.id, 1 + i % 4));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        long booked = sql.number("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'", offer.id);
        long remaining = sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id);
        assertThat(remaining).isBetween(0L, 3L); // every party of 1 would still fit if any place were left
        assertThat(booked + remaining).isEqualTo(37);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).mapToInt(r -> r.path("partySize")).sum())
                .isEqualTo((int) booked);
    }

    @Test
    void oneIdempotencyKeySentTwentyTimesAtOnceMakesOneTicket() throws Exception {
        Offer offer = data.offer(edition, attraction, day, 100);
        String token = LocalTokens.resident(TestData.unique("idem"), "62300");
        String key = TestData.unique("key");

        List<Response> responses = Race.run(20, i -> Claims.claim(token, offer.id, 2, key));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 201));
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
        assertThat(responses.stream().map(r -> r.<Integer>path("id")).distinct().count()).isEqualTo(1);
        assertThat(sql.number("select count(*) from ticket where idempotency_key = ?", key)).isEqualTo(1);
        assertThat(sql.number("select sum(remaining) from offer_quota where offer_id = ?", offer.id)).isEqualTo(98);
    }

    @Test
    void oneResidentClaimingTenOffersAtOnceGetsAtMostTheLimit() throws Exception {
        List<Offer> offers = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.HERITAGE), day, 10)).toList();
        String username = TestData.unique("greedy");
        String token = LocalTokens.resident(username, "62300");

        List<Response> responses = Race.run(10, i -> Claims.claim(token, offers.get(i).id, 1));
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(responses.stream().filter(r -> r.statusCode() == 409).map(r -> r.<String>path("limit"))).containsOnly("per-resident");

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(edition.maxTicketsPerResident);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(sql.number("select count(*) from ticket where holder_subject = ? and status = 'ACTIVE'", "sub-" + username))
                .isEqualTo(edition.maxTicketsPerResident);
        assertThat(sql.number("select live_tickets from resident_allowance where holder_subject = ? and edition_id = ?",
                "sub-" + username, edition.id)).isEqualTo(edition.maxTicketsPerResident);
    }
}
