package org.grandjour.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A claim is the hot path of the busiest minutes: it costs few round trips to the database. Counted
 * through Hibernate; the quota statement (plain JDBC, see OfferQuota) comes on top.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ClaimRoundTripsTest {
    @Inject
    TestData data;
    @Inject
    SessionFactory sessions;

    @Test
    void aClaimIsFourStatementsPlusTheQuota() {
        LocalDate day = LocalDate.now().plusDays(5);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(4)),
                TestData.PAS_DE_CALAIS, TestData.NORD);
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 100);
        Claims.claim(LocalTokens.resident(TestData.unique("warm"), "62300"), offer.id, 1).then().statusCode(201);

        sessions.getStatistics().setStatisticsEnabled(true);
        sessions.getStatistics().clear();
        Claims.claim(LocalTokens.resident(TestData.unique("rt"), "59000"), offer.id, 2).then().statusCode(201)
                .body("offer.remaining", org.hamcrest.Matchers.equalTo(97)).body("partySize", org.hamcrest.Matchers.equalTo(2))
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        // the offer with its edition, territories and attraction; the ticket; the allowance; both counters
        // (there were 8: the territories, the offer again after the quota, the ticket read back, a counter each)
        long statements = sessions.getStatistics().getPrepareStatementCount();
        sessions.getStatistics().setStatisticsEnabled(false);
        assertThat(statements).isEqualTo(4);
    }
}
