package org.grandjour.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.common.SqlValues;
import org.grandjour.mail.Mails;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferQuota;
import org.grandjour.offer.OfferView;
import org.grandjour.resident.Resident;
import org.grandjour.territory.Territory;
import org.grandjour.ticket.ClaimRules;
import org.grandjour.ticket.TicketEvent;
import org.grandjour.ticket.TicketService;
import org.jboss.logging.Logger;

/**
 * Waiting lists. Joining and refilling both lock the offer's row first (NO KEY UPDATE, as releases and
 * capacity changes do), so a list has one writer at a time: positions are handed out without gaps or
 * twins, and places that come back are given in list order. Claims do not wait on that lock (their
 * ticket's foreign key takes only KEY SHARE; their places come from the quota slices): a refill runs in
 * the very transaction that gave the places back, so they reach the list before any claim can see them.
 */
@ApplicationScoped
public class WaitlistService {
    private static final Logger LOG = Logger.getLogger(WaitlistService.class);
    /** How far down a list one refill looks for parties that fit. */
    private static final int REFILL_WINDOW = 500;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TicketService tickets;
    @Inject
    OfferQuota quota;
    @Inject
    Mails mails;
    @Inject
    org.grandjour.stats.LiveCounters live;
    @ConfigProperty(name = "grandjour.app-url")
    String appUrl;

    @Transactional
    public WaitlistEntryView join(Resident resident, long offerId, int partySize) {
        return join(resident, offerId, partySize, clock.instant());
    }

    /** As {@link #join(Resident, long, int)}, at a given time (the demo's replays of past weekends). */
    @Transactional
    public WaitlistEntryView join(Resident resident, long offerId, int partySize, Instant now) {
        Offer offer = lockOffer(offerId);
        if (offer.edition.ballot()) {
            throw ProblemType.BALLOT_EDITION.exception("Places of " + offer.edition.name
                    + " are allocated by ballot: its waiting lists follow the draw's order, nobody joins them.");
        }
        Territory territory = ClaimRules.territoryOf(offer.edition, resident.postcode());
        ClaimRules.partySizeAllowed(offer.edition, partySize);
        if (!now.isBefore(offer.opensInstant())) {
            throw ProblemType.CLAIM_WINDOW_CLOSED.exception(offer.attraction.nameEn + " has opened on " + offer.day
                    + ": its waiting list is closed.");
        }
        int remaining = quota.remaining(offerId);
        if (remaining >= partySize) {
            throw ProblemType.PLACES_LEFT.exception(remaining + " places are left for " + offer.day
                    + ": claim them instead of waiting.");
        }
        long holds = ((Number) em.createNativeQuery(
                "select count(*) from ticket where offer_id = ?1 and holder_subject = ?2 and status = 'ACTIVE'")
                .setParameter(1, offerId).setParameter(2, resident.subject()).getSingleResult()).longValue();
        if (holds > 0) {
            throw ProblemType.ALREADY_EXISTS.exception("You already hold a ticket for " + offer.attraction.nameEn + " on " + offer.day + ".");
        }
        // a resident who left may join again, at the end of the list; one on it already may not
        List<?> joined = em.createNativeQuery("""
                insert into waitlist_entry as w (offer_id, position, holder_subject, party_size, source, created_at,
                        holder_username, holder_name, holder_first_name, holder_postcode, holder_territory_id, holder_email, holder_language)
                values (?1, (select coalesce(max(position), 0) + 1 from waitlist_entry where offer_id = ?1), ?2, ?3, 'JOIN', ?4,
                        ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                on conflict (offer_id, holder_subject) do update
                    set status = 'WAITING', position = excluded.position, party_size = excluded.party_size,
                        created_at = excluded.created_at, left_at = null, holder_postcode = excluded.holder_postcode,
                        holder_territory_id = excluded.holder_territory_id, holder_email = excluded.holder_email
                    where w.status = 'LEFT'
                returning id""")
                .setParameter(1, offerId).setParameter(2, resident.subject()).setParameter(3, partySize).setParameter(4, now)
                .setParameter(5, resident.username()).setParameter(6, resident.name()).setParameter(7, resident.firstName())
                .setParameter(8, Territory.normalisePostcode(resident.postcode())).setParameter(9, territory.id)
                .setParameter(10, resident.email()).setParameter(11, Mails.languageFor(resident.language(), territory.code))
                .getResultList();
        if (joined.isEmpty()) {
            throw ProblemType.ALREADY_WAITING.exception("You are already on the waiting list of " + offer.attraction.nameEn
                    + " on " + offer.day + " (or it has served you a ticket).");
        }
        live.changed(offer.edition.id); // the dashboard shows the lists' lengths
        return view(((Number) joined.get(0)).longValue());
    }

    @Transactional
    public void leave(Resident resident, long offerId) {
        writeBallotList(offerId); // a ballot's list not yet written: the resident's entry is in it
        int left = em.createNativeQuery("""
                update waitlist_entry set status = 'LEFT', left_at = ?3
                where offer_id = ?1 and holder_subject = ?2 and status = 'WAITING'""")
                .setParameter(1, offerId).setParameter(2, resident.subject()).setParameter(3, clock.instant()).executeUpdate();
        if (left == 0) {
            throw ProblemException.notFound("Waiting-list entry for offer", offerId);
        }
        live.changed(em.find(Offer.class, offerId).edition.id);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<WaitlistEntryView> mine(Resident resident) {
        // the lists of the resident's ballot applications left without a place, if not written yet
        List<Number> pending = em.createNativeQuery("""
                select p.offer_id from ballot_application a join ballot_outcome o on o.application_id = a.id and o.won_offer_id is null
                join ballot_choice c on c.application_id = a.id join ballot_waitlist_pending p on p.offer_id = c.offer_id
                where a.holder_subject = ?1 order by p.offer_id""")
                .setParameter(1, resident.subject()).getResultList();
        pending.forEach(offerId -> writeBallotList(offerId.longValue()));
        List<Number> ids = em.createNativeQuery("select id from waitlist_entry where holder_subject = ?1 order by created_at desc, id desc")
                .setParameter(1, resident.subject()).getResultList();
        return ids.stream().map(id -> view(id.longValue())).toList();
    }

    /** Places came back (a release, in its transaction): they go to the list first. */
    void onReleased(@Observes TicketEvent.Cancelled released) {
        refill(released.offerId(), released.at());
    }

    /**
     * Gives the offer's free places to its waiting list, in the caller's transaction: in list order, each
     * entry whose whole party fits gets a ticket (a party that does not fit is skipped, not a reason to
     * leave places idle). Returns the tickets issued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public int refill(long offerId, Instant now) {
        Offer offer = lockOffer(offerId);
        writeBallotList(offerId);
        if (!now.isBefore(offer.opensInstant())) {
            return 0; // the doors are open: free places are the door's (walk-ups), not the list's
        }
        int remaining = quota.remaining(offerId);
        if (remaining <= 0) {
            return 0;
        }
        List<Object[]> head = em.createNativeQuery("""
                select w.id, w.party_size, w.holder_subject, coalesce(w.holder_username, a.holder_username),
                       coalesce(w.holder_name, a.holder_name), coalesce(w.holder_first_name, a.holder_first_name),
                       coalesce(w.holder_postcode, a.holder_postcode), coalesce(w.holder_territory_id, a.holder_territory_id),
                       coalesce(w.holder_email, a.holder_email), coalesce(w.holder_language, a.holder_language)
                from waitlist_entry w left join ballot_application a on a.id = w.application_id
                where w.offer_id = ?1 and w.status = 'WAITING' and w.party_size <= ?2
                order by w.position limit ?3
                for update of w""")
                .setParameter(1, offerId).setParameter(2, remaining).setParameter(3, REFILL_WINDOW).getResultList();
        int issued = 0;
        for (Object[] e : head) {
            int party = ((Number) e[1]).intValue();
            if (party > remaining) {
                continue;
            }
            TicketService.Award award = new TicketService.Award(offerId, offer.edition.id, (String) e[2], (String) e[3],
                    (String) e[4], (String) e[5], (String) e[6], e[7] == null ? null : ((Number) e[7]).longValue(), party,
                    (String) e[8], (String) e[9]);
            TicketService.IssueResult result = tickets.issueOne(award, now);
            switch (result.outcome()) {
                case NO_ROOM -> {
                    return issued; // a claim took the places meanwhile
                }
                case OVER_LIMIT -> {
                    continue; // holds as many tickets as allowed: stays on the list, may release one later
                }
                case HOLDS_TICKET -> {
                    em.createNativeQuery("update waitlist_entry set status = 'LEFT', left_at = ?2 where id = ?1")
                            .setParameter(1, e[0]).setParameter(2, now).executeUpdate();
                    continue;
                }
                case TICKET -> {
                    em.createNativeQuery("""
                            update waitlist_entry set status = 'SERVED', ticket_id = ?2, served_at = ?3,
                                   refill_ms = greatest(0, round(extract(epoch from clock_timestamp() - now()) * 1000))::int
                            where id = ?1 and status = 'WAITING'""")
                            .setParameter(1, e[0]).setParameter(2, result.ticketId()).setParameter(3, now).executeUpdate();
                    if (e[8] != null) {
                        String name = e[5] != null ? (String) e[5] : e[4] != null ? (String) e[4] : (String) e[3];
                        var locale = Mails.locale((String) e[9]);
                        String attraction = locale.getLanguage().equals("fr") ? offer.attraction.nameFr : offer.attraction.nameEn;
                        mails.sendAfterCommit((String) e[8], (String) e[9], "waitlist.served", name, attraction,
                                java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(locale).format(offer.day),
                                party, appUrl + "/tickets/" + result.ticketId());
                    }
                    remaining -= party;
                    issued++;
                    if (remaining <= 0) {
                        return issued;
                    }
                }
            }
        }
        if (issued > 0) {
            LOG.debugf("offer %d: %d waiting parties served", offerId, issued);
        }
        return issued;
    }

    /**
     * Writes a drawn ballot's waiting list for this offer if the draw left it pending (V26): the
     * applications without a place (ballot_outcome, V27) that chose the offer, in draw-position order, positions 1..n, dated at
     * the draw; the same entries the draw wrote itself before, so nothing reading them changes. Deleting
     * the pending row claims the list: a concurrent caller waits on that row until this transaction ends,
     * then finds it deleted and reads the entries written (or, if this one rolled back, writes them).
     * Every reader and writer of waitlist_entry for an offer that can be a ballot's calls this first, but
     * the dashboard's counts (StatsService) and the draw's result mails, which count pending lists from
     * the draw. Cheap when nothing is pending: one primary-key probe.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeBallotList(long offerId) {
        int pending = em.createNativeQuery("delete from ballot_waitlist_pending where offer_id = ?1")
                .setParameter(1, offerId).executeUpdate();
        if (pending == 0) {
            return;
        }
        int written = em.createNativeQuery("""
                insert into waitlist_entry (offer_id, position, holder_subject, party_size, source, application_id, created_at)
                select c.offer_id, row_number() over (order by o.position), a.holder_subject, a.party_size, 'BALLOT', a.id, d.drawn_at
                from ballot_choice c join ballot_outcome o on o.application_id = c.application_id and o.won_offer_id is null
                     join ballot_application a on a.id = c.application_id
                     join ballot_draw d on d.edition_id = a.edition_id
                where c.offer_id = ?1
                order by o.position""")
                .setParameter(1, offerId).executeUpdate();
        LOG.debugf("offer %d: the ballot's waiting list written, %d entries", offerId, written);
    }

    /** {@link #writeBallotList} for several offers, in offer id order (the order offers' locks are taken in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeBallotLists(java.util.Collection<Long> offerIds) {
        offerIds.stream().sorted().distinct().forEach(this::writeBallotList);
    }

    private Offer lockOffer(long offerId) {
        List<?> locked = em.createNativeQuery("select o.id from offer o join attraction a on a.id = o.attraction_id where o.id = ?1 and a.active for no key update of o")
                .setParameter(1, offerId).getResultList();
        if (locked.isEmpty()) {
            throw ProblemException.notFound("Offer", offerId);
        }
        return em.find(Offer.class, offerId);
    }



    private WaitlistEntryView view(long id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select w.offer_id, w.party_size, w.status, w.source, w.ticket_id, w.created_at, w.served_at,
                       (select count(*) from waitlist_entry x where x.offer_id = w.offer_id and x.status = 'WAITING' and x.position < w.position),
                       (select coalesce(sum(x.party_size), 0) from waitlist_entry x where x.offer_id = w.offer_id and x.status = 'WAITING' and x.position < w.position)
                from waitlist_entry w where w.id = ?1""").setParameter(1, id).getSingleResult();
        boolean waiting = "WAITING".equals(r[2]);
        int ahead = ((Number) r[7]).intValue();
        return new WaitlistEntryView(id, OfferView.of(em.find(Offer.class, ((Number) r[0]).longValue())), ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], waiting ? ahead + 1 : null, waiting ? ahead : null,
                waiting ? ((Number) r[8]).intValue() : null, r[4] == null ? null : ((Number) r[4]).longValue(),
                SqlValues.instant(r[5]), SqlValues.instant(r[6]));
    }

}
