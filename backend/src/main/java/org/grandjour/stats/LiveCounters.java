package org.grandjour.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grandjour.scan.ScanEvent;
import org.grandjour.scan.ScanEvents;
import org.grandjour.scan.Verdict;
import org.grandjour.ticket.TicketEvent;

/**
 * Keeps the organisers' figures in the transaction that changes them (the events are synchronous),
 * and tells every backend instance once that transaction has committed (see {@link ChangeNotifier}).
 */
@ApplicationScoped
public class LiveCounters {
    /** Rows per figure: enough for concurrent writers of one offer to seldom meet on one row. */
    private static final int SHARDS = 8;
    private static final String OFFER_COUNTER = """
            insert into offer_counter as c (offer_id, shard, booked_tickets, booked_persons, cancelled_persons, admitted_persons)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict (offer_id, shard) do update set booked_tickets = c.booked_tickets + excluded.booked_tickets,
                booked_persons = c.booked_persons + excluded.booked_persons,
                cancelled_persons = c.cancelled_persons + excluded.cancelled_persons,
                admitted_persons = c.admitted_persons + excluded.admitted_persons""";
    // both counters in one round trip; the origin row reads the offer row's result, so the offer
    // counter is always locked first, as everywhere else
    private static final String OFFER_AND_ORIGIN_COUNTERS = "with o as (" + OFFER_COUNTER + " returning 1) " + """
            insert into offer_origin_counter as c (offer_id, territory_id, shard, booked_persons, admitted_persons)
            select ?1, ?7, ?2, ?4, ?6 from o
            on conflict (offer_id, territory_id, shard) do update set booked_persons = c.booked_persons + excluded.booked_persons,
                admitted_persons = c.admitted_persons + excluded.admitted_persons""";

    @Inject
    EntityManager em;
    @Inject
    ChangeNotifier notifier;

    void onTicket(@Observes TicketEvent e) {
        if (e instanceof TicketEvent.Issued issued) {
            countOffer(e.offerId(), e.territoryId(), issued.tickets(), e.persons(), 0, 0);
            notifier.changed(NotificationChannel.message(e.editionId()));
            return;
        }
        int sign = e instanceof TicketEvent.Claimed ? 1 : -1;
        int cancelled = e instanceof TicketEvent.Cancelled ? e.persons() : 0;
        countOffer(e.offerId(), e.territoryId(), sign, sign * e.persons(), cancelled, 0);
        notifier.changed(NotificationChannel.message(e.editionId()));
    }

    /**
     * Counts a set of scans (one, or a whole offline batch) group by group: one statement per door, day
     * and verdict, per offer and origin, per quarter of an hour, not per scan.
     */
    void onScans(@Observes ScanEvents events) {
        record VerdictKey(long attractionId, LocalDate day, Verdict verdict) {
        }
        record OriginKey(long offerId, Long territoryId) {
        }
        record SlotKey(long attractionId, Instant slotStart) {
        }
        Map<VerdictKey, int[]> verdicts = new LinkedHashMap<>();
        Map<OriginKey, Integer> admitted = new LinkedHashMap<>();
        Map<SlotKey, Integer> arrivals = new LinkedHashMap<>();
        Map<Long, Integer> doorFull = new LinkedHashMap<>();
        Set<String> editions = new LinkedHashSet<>();
        for (ScanEvent e : events.scans()) {
            int[] v = verdicts.computeIfAbsent(new VerdictKey(e.attractionId(), e.day(), e.verdict()), k -> new int[2]);
            v[0]++;
            v[1] += e.conflict() ? 1 : 0;
            if (e.verdict() == Verdict.ADMITTED && e.personsAdmitted() > 0) {
                admitted.merge(new OriginKey(e.offerId(), e.territoryId()), e.personsAdmitted(), Integer::sum);
                arrivals.merge(new SlotKey(e.attractionId(), quarterOfHour(e.scannedAt())), e.personsAdmitted(), Integer::sum);
            }
            if (e.verdict() == Verdict.DOOR_FULL && e.offerId() != null) {
                doorFull.merge(e.offerId(), 1, Integer::sum);
            }
            // a scan that matches no ticket still shows in the verdicts of every edition using that door
            editions.add(e.editionId() == null ? NotificationChannel.ANY : NotificationChannel.message(e.editionId()));
        }
        verdicts.forEach((k, v) -> em.createNativeQuery("""
                insert into verdict_counter as c (attraction_id, day, verdict, shard, scans, conflicts) values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (attraction_id, day, verdict, shard) do update set scans = c.scans + excluded.scans,
                    conflicts = c.conflicts + excluded.conflicts""")
                .setParameter(1, k.attractionId()).setParameter(2, k.day()).setParameter(3, k.verdict().name())
                .setParameter(4, shard()).setParameter(5, v[0]).setParameter(6, v[1]).executeUpdate());
        admitted.forEach((k, persons) -> countOffer(k.offerId(), k.territoryId(), 0, 0, 0, persons));
        arrivals.forEach((k, persons) -> em.createNativeQuery("""
                insert into arrival_counter as c (attraction_id, slot_start, shard, persons) values (?1, ?2, ?3, ?4)
                on conflict (attraction_id, slot_start, shard) do update set persons = c.persons + excluded.persons""")
                .setParameter(1, k.attractionId()).setParameter(2, k.slotStart())
                .setParameter(3, shard()).setParameter(4, persons).executeUpdate());
        // rare (only overbooked offers' full doors), so its own statement, out of the usual scans' way
        doorFull.forEach((offerId, scans) -> em.createNativeQuery("""
                insert into offer_counter as c (offer_id, shard, door_full_scans) values (?1, ?2, ?3)
                on conflict (offer_id, shard) do update set door_full_scans = c.door_full_scans + excluded.door_full_scans""")
                .setParameter(1, offerId).setParameter(2, shard()).setParameter(3, scans).executeUpdate());
        editions.forEach(notifier::changed);
    }

    /** Adds to an offer's counters and, when the holder's territory is known, to that origin's. */
    private void countOffer(long offerId, Long territoryId, int tickets, int booked, int cancelled, int admitted) {
        var counters = territoryId == null ? em.createNativeQuery(OFFER_COUNTER)
                : em.createNativeQuery(OFFER_AND_ORIGIN_COUNTERS).setParameter(7, territoryId);
        counters.setParameter(1, offerId).setParameter(2, shard()).setParameter(3, tickets).setParameter(4, booked)
                .setParameter(5, cancelled).setParameter(6, admitted).executeUpdate();
    }

    /** For changes made elsewhere (an organiser's edit) that dashboards must show too. */
    public void changed(long editionId) {
        notifier.changed(NotificationChannel.message(editionId));
    }

    private static Instant quarterOfHour(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 900) * 900);
    }

    private static short shard() {
        return (short) ThreadLocalRandom.current().nextInt(SHARDS);
    }
}
