package org.grandjour.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The run command's demo data: the 2010 weekend's 20,000 entries, a live edition today and an open ballot. */
@QuarkusTest
class DemoDataLoaderTest {
    @Inject
    DemoDataLoader loader;

    @Test
    @Transactional
    void loadsTheHistoricWeekendAndALiveEditionIdempotently() {
        loader.load();
        loader.load(); // a second run of the run command reuses what exists

        Edition historic = Edition.findBySlug(DemoDataLoader.EDITION_2010);
        List<Offer> offers2010 = Offer.list("edition", historic);
        assertThat(offers2010.stream().mapToInt(o -> o.capacity).sum()).isEqualTo(20_000);
        assertThat(offers2010.stream().map(o -> o.attraction.id).distinct().count()).isGreaterThanOrEqualTo(30);
        assertThat(historic.firstDay).isEqualTo(LocalDate.of(2010, 3, 27));
        assertThat(historic.territories).extracting(t -> t.code).containsExactlyInAnyOrder("FR-62", "FR-59", "GB-KEN");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        Edition live = Edition.findBySlug(DemoDataLoader.LIVE_PREFIX + today);
        assertThat(live.firstDay).isEqualTo(today);
        assertThat(live.lastDay).isEqualTo(today.plusDays(1));
        assertThat(live.claimOpenAt(java.time.Instant.now())).isTrue();
        assertThat(Offer.count("edition", live)).isEqualTo(2L * loader.read().attractions().size());
        assertThat(Edition.count("slug like ?1", DemoDataLoader.LIVE_PREFIX + "%")).isEqualTo(1L);
    }

    @Test
    @Transactional
    void addsAnOpenBallotOversubscribedLikeKentIdempotently() {
        loader.load();
        loader.load();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(Edition.count("slug like ?1", DemoBallot.PREFIX + "%")).isEqualTo(1L);
        Edition ballot = Edition.findBySlug(DemoBallot.PREFIX + today);
        java.time.Instant now = java.time.Instant.now();
        assertThat(ballot.ballot()).isTrue();
        assertThat(ballot.applicationOpenAt(now)).isTrue();
        // it closes by itself a few minutes after the start (10 by default), so the organiser can draw it in the demo
        assertThat(ballot.applicationClosesAt).isBetween(now.plusSeconds(60), now.plusSeconds(3600));
        assertThat(ballot.ballotCommitment).isEqualTo(org.grandjour.ballot.DrawGenerator.commitment(ballot.ballotSeed));
        assertThat(ballot.firstDay).isAfter(today);

        var em = Edition.getEntityManager();
        long applications = ((Number) em.createNativeQuery(
                "select count(*) from ballot_application where edition_id = ?1 and status = 'SUBMITTED'")
                .setParameter(1, ballot.id).getSingleResult()).longValue();
        assertThat(applications).isBetween(2_000L, 5_000L);
        double persons = ((Number) em.createNativeQuery("select sum(party_size) from ballot_application where edition_id = ?1")
                .setParameter(1, ballot.id).getSingleResult()).doubleValue();
        double places = ((Number) em.createNativeQuery("select sum(capacity) from offer where edition_id = ?1")
                .setParameter(1, ballot.id).getSingleResult()).doubleValue();
        assertThat(persons / places).as("oversubscription in persons").isBetween(5.0, 8.0);
        // Kent 2017: the four animal parks drew 22% of the applications
        double animals = ((Number) em.createNativeQuery("""
                select avg(case when a.category = 'ANIMALS' then 1.0 else 0.0 end) from ballot_choice c
                join offer o on o.id = c.offer_id join attraction a on a.id = o.attraction_id
                where c.edition_id = ?1 and c.rank = 1""").setParameter(1, ballot.id).getSingleResult()).doubleValue();
        assertThat(animals).isBetween(0.15, 0.30);
        long duplicates = ((Number) em.createNativeQuery("""
                select count(*) from (select 1 from ballot_application where edition_id = ?1
                group by holder_name, holder_postcode having count(*) > 1) x""").setParameter(1, ballot.id).getSingleResult()).longValue();
        assertThat(duplicates).isGreaterThanOrEqualTo(4L);
    }
}
