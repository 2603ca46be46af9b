package org.grandjour.walkup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferQuota;
import org.grandjour.scan.ScanRequest;
import org.grandjour.scan.ScanResult;
import org.grandjour.scan.ScanService;
import org.grandjour.scan.Verdict;
import org.grandjour.territory.Territory;
import org.grandjour.ticket.ClaimRules;
import org.grandjour.ticket.TicketCodes;
import org.grandjour.ticket.TicketEvent;

/**
 * Walk-ups: near closing time, places nobody holds are given at the door. A walk-up is a ticket issued
 * from the offer's quota (the same conditional UPDATE as a claim: never oversold) and admitted by the
 * same scan path as any ticket, in one transaction, so every figure (booked, admitted, origins,
 * arrivals) counts it without a special case. The door's walk-up id makes a retry harmless.
 */
@ApplicationScoped
public class WalkUpService {
    @Inject
    EntityManager em;
    @Inject
    OfferQuota quota;
    @Inject
    ScanService scans;
    @Inject
    Event<TicketEvent> events;
    @Inject
    Clock clock;

    /** Today's offer of an attraction, the day counted in its edition's zone. */
    Optional<Offer> offerToday(long attractionId, Instant now) {
        LocalDate utc = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        List<Offer> near = em.createQuery("""
                        select o from Offer o join fetch o.edition
                        where o.attraction.id = :a and o.day between :from and :to order by o.id""", Offer.class)
                .setParameter("a", attractionId).setParameter("from", utc.minusDays(1)).setParameter("to", utc.plusDays(1))
                .getResultList();
        return near.stream().filter(o -> o.day.equals(o.edition.dayOf(now))).findFirst();
    }

    /** The door's walk-up window today, when its edition takes walk-ups. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WalkUpWindow> window(long attractionId) {
        Instant now = clock.instant();
        return offerToday(attractionId, now).filter(o -> o.edition.walkUpMinutes != null)
                .map(o -> window(o, now, Math.max(0, o.remaining - o.overbookingAllowance)));
    }

    private static WalkUpWindow window(Offer o, Instant now, int placesLeft) {
        Instant closes = o.closesInstant();
        Instant opens = closes.minus(o.edition.walkUpMinutes, ChronoUnit.MINUTES);
        return new WalkUpWindow(o.id, opens, closes, !now.isBefore(opens) && now.isBefore(closes), placesLeft, o.edition.maxPartySize);
    }

    @Transactional
    public WalkUpResult admit(String staffUsername, WalkUpRequest r) {
        String holder = "walk-up:" + r.walkUpId();
        String postcode = Territory.normalisePostcode(r.postcode());
        Optional<WalkUpResult> first = replay(holder, r, postcode);
        if (first.isPresent()) {
            return first.get();
        }
        Instant now = clock.instant();
        Offer offer = offerToday(r.attractionId(), now).orElseThrow(() -> ProblemType.WALK_UPS_CLOSED.exception(
                "This attraction has no free entries today."));
        Edition edition = offer.edition;
        if (edition.walkUpMinutes == null) {
            throw ProblemType.WALK_UPS_CLOSED.exception(edition.name + " gives no places at the door: every entry needs a ticket.");
        }
        WalkUpWindow window = window(offer, now, 0);
        if (!window.open()) {
            throw ProblemType.WALK_UPS_CLOSED.exception("Walk-ups are taken from " + window.opensAt() + " until " + window.closesAt()
                    + " (the last " + edition.walkUpMinutes + " minutes of the opening hours).");
        }
        if (r.persons() > edition.maxPartySize) {
            throw ProblemException.invalidField("persons", "must be at most " + edition.maxPartySize + " persons (the edition's party size)");
        }
        Territory territory = ClaimRules.territoryOf(edition, postcode); // 403 not-eligible, with the territories
        // Only places free within the capacity: those handed out beyond it (overbooking) are for ticket holders who
        // may still come. Walk-ups at one door take turns on the offer's row (as releases and refills do), and count
        // the places on the quota's rows locked: a claim takes places without the offer's lock, so one in flight
        // is counted before this check (it waits for it), never between the check and the take.
        em.createNativeQuery("select 1 from offer where id = ?1 for no key update").setParameter(1, offer.id).getResultList();
        int free = OfferQuota.placesIn(quota.lockAll(offer.id)) - offer.overbookingAllowance;
        if (free < r.persons()) {
            throw ProblemType.SOLD_OUT.exception("No place is free for a party of " + r.persons() + " today: "
                    + Math.max(0, free) + " left.");
        }
        OfferQuota.Take take = quota.take(offer.id, r.persons());
        if (!take.taken()) { // cannot happen: the quota's rows are locked since the check
            throw ProblemType.SOLD_OUT.exception("No place is free for a party of " + r.persons() + " today.");
        }
        List<?> inserted = em.createNativeQuery("""
                        insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode,
                                            holder_territory_id, party_size, idempotency_key, request_fingerprint, created_at, confirmed_at, walk_up)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, true)
                        on conflict do nothing
                        returning id, code""")
                .setParameter(1, TicketCodes.next()).setParameter(2, offer.id).setParameter(3, edition.id)
                .setParameter(4, holder).setParameter(5, staffUsername).setParameter(6, postcode).setParameter(7, territory.id)
                .setParameter(8, r.persons()).setParameter(9, r.walkUpId().toString()).setParameter(10, fingerprint(r, postcode))
                .setParameter(11, now.truncatedTo(ChronoUnit.MICROS)).getResultList();
        if (inserted.isEmpty()) {
            // the same walk-up sent twice at once: the other one has committed (we waited on its row); this
            // statement's snapshot is newer, so it sees the first answer
            quota.giveBack(offer.id, offer.id, r.persons());
            return replay(holder, r, postcode).orElseThrow();
        }
        Object[] row = (Object[]) inserted.get(0);
        long ticketId = ((Number) row[0]).longValue();
        events.fire(new TicketEvent.Claimed(edition.id, offer.id, territory.id, r.persons()));
        ScanResult scan = scans.scanAt(staffUsername, new ScanRequest((String) row[1], r.attractionId(), r.deviceId(), scanId(r.walkUpId()),
                now, r.persons(), null), now);
        if (scan.verdict() != Verdict.ADMITTED) { // cannot happen: the ticket was issued for this door and day just now
            throw new IllegalStateException("walk-up ticket " + ticketId + " not admitted: " + scan.reason());
        }
        return new WalkUpResult(r.walkUpId(), ticketId, (String) row[1], offer.id, offer.day, r.persons(), territory.code,
                Math.max(0, take.remaining() - offer.overbookingAllowance), false);
    }

    /** A walk-up id already received: its first answer, or 422 when it came with something else. */
    private Optional<WalkUpResult> replay(String holder, WalkUpRequest r, String postcode) {
        List<?> rows = em.createNativeQuery("""
                        select t.id, t.code, t.offer_id, o.day, t.party_size, tr.code, t.request_fingerprint,
                               greatest(0, (select coalesce(sum(q.remaining), 0) from offer_quota q where q.offer_id = t.offer_id)
                                           - o.overbooking_allowance)
                        from ticket t join offer o on o.id = t.offer_id join territory tr on tr.id = t.holder_territory_id
                        where t.holder_subject = ?1""")
                .setParameter(1, holder).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] t = (Object[]) rows.get(0);
        if (!fingerprint(r, postcode).equals(t[6])) {
            throw ProblemType.IDEMPOTENCY_KEY_REUSED.exception("Walk-up " + r.walkUpId() + " was already recorded with another party, "
                    + "postcode or door: use a new walk-up id for a new party.");
        }
        return Optional.of(new WalkUpResult(r.walkUpId(), ((Number) t[0]).longValue(), (String) t[1], ((Number) t[2]).longValue(),
                toDate(t[3]), ((Number) t[4]).intValue(), (String) t[5], ((Number) t[7]).intValue(), true));
    }

    private static LocalDate toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static String fingerprint(WalkUpRequest r, String postcode) {
        return r.attractionId() + "|" + r.persons() + "|" + postcode;
    }

    /** The admission's scan id, derived from the walk-up's, so that it never meets a scan id of the device's. */
    private static UUID scanId(UUID walkUpId) {
        return UUID.nameUUIDFromBytes(("walk-up:" + walkUpId).getBytes(StandardCharsets.UTF_8));
    }
}
