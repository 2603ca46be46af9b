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

/** The run command's demo data: the 2010 weekend's 20,000 entries and a live edition today. */
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
}
