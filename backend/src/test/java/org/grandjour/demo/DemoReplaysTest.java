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
 * A replay stopped before its end (a backend killed during its first start) is thrown away whole, with what
 * its scans added to the doors' counters, so that the next start replays it from the beginning; a completed
 * replay and the other editions at the same doors are left as they are.
 */
@QuarkusTest
class DemoReplaysTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    Simulation2010 simulation;
    @Inject
    Replay2010WithTools replay;
    @Inject
    DemoReplays replays;

    @Test
    void anInterruptedReplayIsDiscardedWithEverythingItCountedAndACompletedOneStays() {
        LocalDate first = LocalDate.now().minusYears(3);
        Instant opens = first.minusDays(20).atTime(9, 0).atZone(PARIS).toInstant();
        List<Attraction> attractions = List.of(data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM),
                data.attraction(TestData.NORD, Category.MUSEUM), data.attraction(TestData.KENT, Category.MUSEUM));
        Edition history = data.edition(first, first.plusDays(1), opens, first.plusDays(2).atStartOfDay(PARIS).toInstant(),
                TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        Edition twin = data.edition(first.plusDays(7), first.plusDays(8), opens.plus(Duration.ofDays(7)),
                first.plusDays(9).atStartOfDay(PARIS).toInstant(), TestData.PAS_DE_CALAIS, TestData.NORD, TestData.KENT);
        for (Attraction a : attractions) {
            for (int d = 0; d < 2; d++) {
                data.offer(history, a, first.plusDays(d), 40);
                data.offer(twin, a, first.plusDays(7 + d), 40);
            }
        }
        sql.update("update edition set overbooking_risk = 1 where id = ?", twin.id);
        Long[] doors = attractions.stream().map(a -> a.id).toArray(Long[]::new);

        simulation.run(history);
        replays.markDone(history.id);
        long historyTickets = sql.number("select count(*) from ticket where edition_id = ?", history.id);
        long historyScans = scans(history);
        long historyVerdicts = verdicts(doors, first, first.plusDays(1));
        long historyArrivals = arrivals(doors, first, first.plusDays(1));
        assertThat(historyScans).isPositive();
        assertThat(historyVerdicts).isEqualTo(historyScans);
        assertThat(historyArrivals).isEqualTo(sql.number("select sum(persons_admitted) from ticket where edition_id = ?", history.id));

        // the twin's replay ran, but its end was never recorded: as if the backend had been stopped during it
        replay.run(twin, 1.5, 0.6);
        assertThat(sql.number("select count(*) from waitlist_entry w join offer o on o.id = w.offer_id where o.edition_id = ?", twin.id))
                .isPositive();
        assertThat(verdicts(doors, first.plusDays(7), first.plusDays(8))).isPositive();
        assertThat(replays.toReplay(history.slug)).isNull();
        assertThat(replays.toReplay(twin.slug)).isNotNull();

        assertThat(replays.discardInterrupted(history.slug)).isFalse();
        assertThat(replays.discardInterrupted(twin.slug)).isTrue();

        // nothing of the twin is left, and the doors count only the other edition's scans again
        assertThat(sql.number("select count(*) from edition where id = ?", twin.id)).isZero();
        assertThat(sql.number("select count(*) from offer where edition_id = ?", twin.id)).isZero();
        assertThat(sql.number("select count(*) from ticket where edition_id = ?", twin.id)).isZero();
        assertThat(sql.number("""
                select count(*) from scan where attraction_id = any(?) and scanned_at >= ? and scanned_at < ?""",
                doors, start(first.plusDays(7)), start(first.plusDays(9)))).isZero();
        assertThat(verdicts(doors, first.plusDays(7), first.plusDays(8))).isZero();
        assertThat(arrivals(doors, first.plusDays(7), first.plusDays(8))).isZero();
        // the completed replay at the same doors is untouched
        assertThat(sql.number("select count(*) from ticket where edition_id = ?", history.id)).isEqualTo(historyTickets);
        assertThat(scans(history)).isEqualTo(historyScans);
        assertThat(verdicts(doors, first, first.plusDays(1))).isEqualTo(historyVerdicts);
        assertThat(arrivals(doors, first, first.plusDays(1))).isEqualTo(historyArrivals);
        assertThat(replays.discardInterrupted(twin.slug)).isFalse();
    }

    private long scans(Edition e) {
        return sql.number("""
                select count(*) from scan s join offer o on o.attraction_id = s.attraction_id and o.edition_id = ?
                and o.day = (s.scanned_at at time zone 'Europe/Paris')::date""", e.id);
    }

    private long verdicts(Long[] doors, LocalDate from, LocalDate to) {
        return sql.number("select coalesce(sum(scans), 0) from verdict_counter where attraction_id = any(?) and day between ? and ?",
                doors, from, to);
    }

    private long arrivals(Long[] doors, LocalDate from, LocalDate to) {
        return sql.number("""
                select coalesce(sum(persons), 0) from arrival_counter where attraction_id = any(?) and slot_start >= ? and slot_start < ?""",
                doors, start(from), start(to.plusDays(1)));
    }

    private static java.time.OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(PARIS).toOffsetDateTime();
    }
}
