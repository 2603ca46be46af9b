package org.grandjour.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.edition.Edition;
import org.jboss.logging.Logger;

/**
 * Which demo replays have run to their end. A replay is thousands of small transactions, so a backend
 * stopped in the middle leaves an edition with part of its tickets and scans: that edition is thrown away
 * whole, with every figure it added to the doors' counters, and the next start creates and replays it again.
 */
@ApplicationScoped
public class DemoReplays {
    private static final Logger LOG = Logger.getLogger(DemoReplays.class);

    @Inject
    EntityManager em;

    /** The edition of this slug if its replay is still to run (it never completed), else null. */
    @Transactional
    public Edition toReplay(String slug) {
        Edition e = Edition.findBySlug(slug);
        return e != null && !done(e.id) ? e : null;
    }

    @Transactional
    public void markDone(long editionId) {
        em.createNativeQuery("insert into demo_replay (edition_id) values (?1) on conflict do nothing")
                .setParameter(1, editionId).executeUpdate();
    }

    /** Throws the edition of this slug away if its replay started (it has tickets) but never completed. */
    @Transactional
    public boolean discardInterrupted(String slug) {
        Edition e = Edition.findBySlug(slug);
        if (e == null || done(e.id) || ((Number) em.createNativeQuery("select count(*) from ticket where edition_id = ?1")
                .setParameter(1, e.id).getSingleResult()).longValue() == 0) {
            return false;
        }
        discard(e, "its replay had not completed (the backend stopped during it)");
        return true;
    }

    /** Throws the edition of this slug away, replayed or not (its history was replayed again). */
    @Transactional
    public boolean discard(String slug) {
        Edition e = Edition.findBySlug(slug);
        if (e == null) {
            return false;
        }
        discard(e, "the replay it follows runs again");
        return true;
    }

    private boolean done(long editionId) {
        return !em.createNativeQuery("select 1 from demo_replay where edition_id = ?1").setParameter(1, editionId)
                .getResultList().isEmpty();
    }

    private void discard(Edition e, String why) {
        // the replay's scans: those of its tickets, and the unreadable codes its door staff read at its doors on
        // its days; what they added to the doors' counters (kept per door, not per edition) is taken off again
        int scans = ((Number) em.createNativeQuery("""
                with gone as (
                    delete from scan s
                    where s.ticket_id in (select id from ticket where edition_id = ?1)
                       or (s.ticket_id is null and s.staff_username = ?2 and exists (
                               select 1 from offer o where o.edition_id = ?1 and o.attraction_id = s.attraction_id
                               and o.day = (s.scanned_at at time zone ?3)::date))
                    returning s.ticket_id, s.attraction_id, s.verdict, s.conflict, s.persons_admitted, s.scanned_at
                ), verdicts as (
                    -- the day as the scan counted it: in the edition's zone, or the door's when no ticket was read
                    insert into verdict_counter as c (attraction_id, day, verdict, shard, scans, conflicts)
                    select g.attraction_id, (g.scanned_at at time zone case when g.ticket_id is null then tr.time_zone else ?3 end)::date,
                           g.verdict, 0, -count(*), -count(*) filter (where g.conflict)
                    from gone g join attraction a on a.id = g.attraction_id join territory tr on tr.id = a.territory_id
                    group by 1, 2, 3
                    on conflict (attraction_id, day, verdict, shard) do update
                        set scans = c.scans + excluded.scans, conflicts = c.conflicts + excluded.conflicts
                ), arrivals as (
                    insert into arrival_counter as c (attraction_id, slot_start, shard, persons)
                    select attraction_id, to_timestamp(floor(extract(epoch from scanned_at) / 900) * 900), 0, -sum(persons_admitted)
                    from gone where verdict = 'ADMITTED' and persons_admitted > 0 group by 1, 2
                    on conflict (attraction_id, slot_start, shard) do update set persons = c.persons + excluded.persons
                )
                select count(*) from gone""")
                .setParameter(1, e.id).setParameter(2, Simulation2010.DOOR_STAFF).setParameter(3, e.timeZone)
                .getSingleResult()).intValue();
        em.createNativeQuery("delete from waitlist_entry where offer_id in (select id from offer where edition_id = ?1)")
                .setParameter(1, e.id).executeUpdate();
        int tickets = em.createNativeQuery("delete from ticket where edition_id = ?1").setParameter(1, e.id).executeUpdate();
        // the offers' own counters and quotas, the edition's territories and allowances go with them (on delete cascade)
        em.createNativeQuery("delete from offer where edition_id = ?1").setParameter(1, e.id).executeUpdate();
        em.createNativeQuery("delete from edition where id = ?1").setParameter(1, e.id).executeUpdate();
        em.flush();
        em.clear();
        LOG.infof("Demo: %s discarded, %s: its %d tickets and %d scans went with it; it is created and replayed again",
                e.slug, why, tickets, scans);
    }
}
