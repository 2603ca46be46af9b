package org.grandjour.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A small 2010 weekend replayed as it was, then its twin a week later through the same services with
 * waiting lists, confirmations, releases and overbooking at 1 %: more of the entries are used, released
 * places were refilled from the lists, and the figures the replay reports are the database's.
 */
@QuarkusTest
class Replay2010WithToolsTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    Simulation2010 simulation;
    @Inject
    Replay2010WithTools replay;

    @Test
    void theTwinUsesMoreOfItsEntriesThanTheWeekendAsItWas() {
        LocalDate first = LocalDate.now().minusYears(2);
        Instant opens = first.minusDays(20).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        List<Attraction> attractions = List.of(data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM),
                data.attraction(TestData.NORD, Category.MUSEUM), data.attraction(TestData.KENT, Category.MUSEUM));
        Edition history = data.edition(first, first.plusDays(1), opens, first.plusDays(2).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
                TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        Edition twin = data.edition(first.plusDays(7), first.plusDays(8), opens.plus(Duration.ofDays(7)),
                first.plusDays(9).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(), TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        for (Attraction a : attractions) {
            for (int d = 0; d < 2; d++) {
                data.offer(history, a, first.plusDays(d), 80);
                data.offer(twin, a, first.plusDays(7 + d), 80);
            }
        }
        sql.update("update edition set overbooking_risk = 1 where id = ?", twin.id);

        simulation.run(history);
        double asItWas = sql.number("select sum(persons_admitted) from ticket where edition_id = ?", history.id) / 480.0;
        Replay2010WithTools.Outcome outcome = replay.run(twin, 1.5, 0.6);

        assertThat(outcome.offered()).isEqualTo(480);
        assertThat(outcome.released()).isPositive();
        assertThat(outcome.refilled()).isPositive();
        assertThat(outcome.usedShare()).isGreaterThan(asItWas + 0.05);
        // the overbooking was computed from the first weekend's no-shows, and more was handed out than the capacity
        assertThat(sql.number("select count(*) from offer where edition_id = ? and overbooking_history_parties > 0", twin.id)).isEqualTo(6);
        assertThat(sql.number("select sum(party_size) from ticket where edition_id = ? and status = 'ACTIVE'", twin.id)).isGreaterThan(480);
        // the figures are the database's: persons in, at most the capacity per offer
        assertThat(sql.number("""
                select coalesce(sum(least(a.admitted, o.capacity)), 0) from offer o
                join (select offer_id, sum(persons_admitted) as admitted from ticket group by offer_id) a on a.offer_id = o.id
                where o.edition_id = ?""", twin.id)).isEqualTo(outcome.used());
        assertThat(sql.number("select count(*) from waitlist_entry w join offer o on o.id = w.offer_id where o.edition_id = ? and w.status = 'SERVED'",
                twin.id)).isPositive();
        System.out.printf("2010 replay, small: as it was %.1f %% used; with the tools %.1f %% (%s)%n", 100 * asItWas, 100 * outcome.usedShare(), outcome);
    }
}
