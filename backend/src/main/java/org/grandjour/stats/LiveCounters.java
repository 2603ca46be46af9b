package org.grandjour.stats;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grandjour.scan.ScanEvent;
import org.grandjour.scan.Verdict;
import org.grandjour.ticket.TicketEvent;

/**
 * Keeps the organisers' figures in the transaction that changes them (the events are synchronous),
 * and tells every backend instance once that transaction has committed (see {@link ChangeNotifier}).
 */
@ApplicationScoped
public class LiveCounters {
    static final String CHANNEL = "grandjour_stats";
    /** Rows per figure: enough for concurrent writers of one offer to seldom meet on one row. */
    static final int SHARDS = 8;

    @Inject
    EntityManager em;
    @Inject
    ChangeNotifier notifier;

    void onTicket(@Observes TicketEvent e) {
        int sign = e instanceof TicketEvent.Claimed ? 1 : -1;
        int cancelled = e instanceof TicketEvent.Cancelled ? e.persons() : 0;
        String offerCounter = """
                insert into offer_counter as c (offer_id, shard, booked_tickets, booked_persons, cancelled_persons)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (offer_id, shard) do update set booked_tickets = c.booked_tickets + excluded.booked_tickets,
                    booked_persons = c.booked_persons + excluded.booked_persons,
                    cancelled_persons = c.cancelled_persons + excluded.cancelled_persons""";
        var counters = e.territoryId() == null ? em.createNativeQuery(offerCounter)
                // both counters in one round trip; the origin row reads the offer row's result, so the
                // offer counter is always locked first, as everywhere else
                : em.createNativeQuery("with o as (" + offerCounter + " returning 1) " + """
                        insert into offer_origin_counter as c (offer_id, territory_id, shard, booked_persons, admitted_persons)
                        select ?1, ?6, ?2, ?4, 0 from o
                        on conflict (offer_id, territory_id, shard) do update set booked_persons = c.booked_persons + excluded.booked_persons""")
                        .setParameter(6, e.territoryId());
        counters.setParameter(1, e.offerId()).setParameter(2, shard()).setParameter(3, sign)
                .setParameter(4, sign * e.persons()).setParameter(5, cancelled).executeUpdate();
        notifier.changed(String.valueOf(e.editionId()));
    }

    void onScan(@Observes ScanEvent e) {
        em.createNativeQuery("""
                insert into verdict_counter as c (attraction_id, day, verdict, shard, scans, conflicts) values (?1, ?2, ?3, ?4, 1, ?5)
                on conflict (attraction_id, day, verdict, shard) do update set scans = c.scans + 1, conflicts = c.conflicts + excluded.conflicts""")
                .setParameter(1, e.attractionId()).setParameter(2, e.day()).setParameter(3, e.verdict().name())
                .setParameter(4, shard()).setParameter(5, e.conflict() ? 1 : 0).executeUpdate();
        if (e.verdict() == Verdict.ADMITTED && e.personsAdmitted() > 0) {
            em.createNativeQuery("""
                    insert into offer_counter as c (offer_id, shard, admitted_persons) values (?1, ?2, ?3)
                    on conflict (offer_id, shard) do update set admitted_persons = c.admitted_persons + excluded.admitted_persons""")
                    .setParameter(1, e.offerId()).setParameter(2, shard()).setParameter(3, e.personsAdmitted()).executeUpdate();
            if (e.territoryId() != null) {
                origin(e.offerId(), e.territoryId(), 0, e.personsAdmitted());
            }
            em.createNativeQuery("""
                    insert into arrival_counter as c (attraction_id, slot_start, shard, persons) values (?1, ?2, ?3, ?4)
                    on conflict (attraction_id, slot_start, shard) do update set persons = c.persons + excluded.persons""")
                    .setParameter(1, e.attractionId()).setParameter(2, quarterOfHour(e.scannedAt()))
                    .setParameter(3, shard()).setParameter(4, e.personsAdmitted()).executeUpdate();
        }
        // a scan that matches no ticket still shows in the verdicts of every edition using that door
        notifier.changed(e.editionId() == null ? ChangeNotifier.ANY : String.valueOf(e.editionId()));
    }

    private void origin(long offerId, long territoryId, int booked, int admitted) {
        em.createNativeQuery("""
                insert into offer_origin_counter as c (offer_id, territory_id, shard, booked_persons, admitted_persons)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (offer_id, territory_id, shard) do update set booked_persons = c.booked_persons + excluded.booked_persons,
                    admitted_persons = c.admitted_persons + excluded.admitted_persons""")
                .setParameter(1, offerId).setParameter(2, territoryId).setParameter(3, shard())
                .setParameter(4, booked).setParameter(5, admitted).executeUpdate();
    }

    /** For changes made elsewhere (an organiser's edit) that dashboards must show too. */
    public void changed(long editionId) {
        notifier.changed(String.valueOf(editionId));
    }

    static Instant quarterOfHour(Instant at) {
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), 900) * 900);
    }

    private static short shard() {
        return (short) ThreadLocalRandom.current().nextInt(SHARDS);
    }
}
