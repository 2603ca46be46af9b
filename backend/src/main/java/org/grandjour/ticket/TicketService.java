package org.grandjour.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferQuota;
import org.grandjour.offer.OfferView;
import org.grandjour.resident.Resident;
import org.grandjour.territory.Territory;

/**
 * Claiming and cancelling. The three limits (one live ticket per offer, tickets per resident,
 * places per offer) are each enforced by the database in one statement, in the same order in every
 * transaction (ticket row, resident allowance, offer quota) so concurrent claims cannot deadlock and
 * the hottest locks, the offer's quota slices, are held for the shortest time.
 */
@ApplicationScoped
public class TicketService {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TicketSigner signer;
    @Inject
    jakarta.enterprise.event.Event<TicketEvent> events;
    @Inject
    OfferQuota quota;

    @Transactional
    public ClaimOutcome claim(Resident resident, ClaimRequest request, String idempotencyKey) {
        return claim(resident, request, idempotencyKey, clock.instant());
    }

    /** At a given instant: the demo replays the 2010 weekend's claims through here. */
    @Transactional
    public ClaimOutcome claim(Resident resident, ClaimRequest request, String idempotencyKey, Instant now) {
        if (idempotencyKey != null) {
            Optional<Ticket> earlier = findByIdempotencyKey(resident, idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        Offer offer = findOffer(request.offerId());
        Edition edition = offer.edition;
        Territory territory = ClaimRules.check(offer, resident.postcode(), request.partySize(), now);
        NewTicket ticket = NewTicket.of(resident, request, offer, territory, idempotencyKey, now);

        OptionalLong ticketId = insert(ticket);
        if (ticketId.isEmpty()) {
            // Either a concurrent request with the same key won (it has committed: we waited on it), or
            // the resident already holds a live ticket for this offer.
            if (idempotencyKey != null) {
                Optional<Ticket> winner = findByIdempotencyKey(resident, idempotencyKey);
                if (winner.isPresent()) {
                    return replay(winner.get(), request);
                }
            }
            throw ClaimRules.alreadyHoldsTicket(offer);
        }

        if (!takeAllowance(resident.subject(), edition)) {
            throw ClaimRules.tooManyTickets(edition);
        }

        OfferQuota.Take take = quota.take(offer.id, request.partySize());
        if (!take.taken()) {
            throw ClaimRules.notEnoughPlaces(offer, take.remaining(), request.partySize());
        }
        offer.remaining = take.remaining(); // read-only in the entity (a formula): no reload needed
        events.fire(new TicketEvent.Claimed(edition.id, offer.id, territory.id, request.partySize()));
        return new ClaimOutcome(view(ticket.withId(ticketId.getAsLong()), now), true);
    }

    /** A place won in the ballot: the ticket it becomes. */
    public record Award(long offerId, long editionId, String holderSubject, String holderUsername, String holderName,
                        String holderFirstName, String holderPostcode, Long holderTerritoryId, int partySize,
                        String holderEmail, String holderLanguage) {
    }

    /** What {@link #issueOne} did. */
    public enum Issued { TICKET, NO_ROOM, OVER_LIMIT, HOLDS_TICKET }

    /** The result of {@link #issueOne}: the ticket's id when one was issued. */
    public record IssueResult(Issued outcome, Long ticketId) {
    }

    /**
     * One ticket for someone who did not click for it (a waiting list's refill), in the caller's
     * transaction, by the same three database rules as a claim: places first (nothing to undo when there
     * are none), then the holder's allowance, then the one live ticket per offer; a later refusal gives
     * back what the earlier steps took, so the transaction can go on with the next person.
     */
    public IssueResult issueOne(Award a, Instant now) {
        OfferQuota.Take take = quota.take(a.offerId(), a.partySize());
        if (!take.taken()) {
            return new IssueResult(Issued.NO_ROOM, null);
        }
        Edition edition = em.find(Edition.class, a.editionId());
        if (!takeAllowance(a.holderSubject(), edition)) {
            quota.giveBack(a.offerId(), a.offerId(), a.partySize());
            return new IssueResult(Issued.OVER_LIMIT, null);
        }
        List<?> inserted = em.createNativeQuery("""
                insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_name, holder_postcode,
                                    holder_territory_id, party_size, created_at, holder_first_name, holder_email, holder_language)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                on conflict do nothing
                returning id""")
                .setParameter(1, TicketCodes.next()).setParameter(2, a.offerId()).setParameter(3, a.editionId())
                .setParameter(4, a.holderSubject()).setParameter(5, a.holderUsername()).setParameter(6, a.holderName())
                .setParameter(7, a.holderPostcode()).setParameter(8, a.holderTerritoryId()).setParameter(9, a.partySize())
                .setParameter(10, now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)).setParameter(11, a.holderFirstName())
                .setParameter(12, a.holderEmail()).setParameter(13, org.grandjour.mail.Mails.locale(a.holderLanguage()).getLanguage())
                .getResultList();
        if (inserted.isEmpty()) { // already holds a live ticket for this offer (claimed meanwhile)
            quota.giveBack(a.offerId(), a.offerId(), a.partySize());
            giveBackAllowance(a.holderSubject(), a.editionId());
            return new IssueResult(Issued.HOLDS_TICKET, null);
        }
        events.fire(new TicketEvent.Claimed(a.editionId(), a.offerId(), a.holderTerritoryId(), a.partySize()));
        return new IssueResult(Issued.TICKET, ((Number) inserted.get(0)).longValue());
    }

    /**
     * Issues the ballot's tickets in the caller's transaction, set-based: one insert for the tickets, one
     * for the residents' allowances, and the places taken from the offers' quota slices as claims take
     * them (no oversell: the quota's CHECK). Returns the ticket ids in the order of the awards.
     */
    public List<Long> issueAll(List<Award> awards, Instant now) {
        if (awards.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, Integer> persons = new java.util.TreeMap<>();
        awards.forEach(a -> persons.merge(a.offerId(), a.partySize(), Integer::sum));
        if (!quota.takeAll(persons)) {
            throw ProblemType.CONFLICT.exception("An offer has fewer places than the draw gave out "
                    + "(was a capacity lowered after the window closed?); nothing was issued.");
        }
        Instant created = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Long> ids = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (var insert = c.prepareStatement("""
                    insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_name, holder_postcode,
                                        holder_territory_id, party_size, created_at, holder_first_name, holder_email, holder_language)
                    select u.code, u.offer_id, u.edition_id, u.subject, u.username, u.name, u.postcode, u.territory, u.party, ?, u.first_name,
                           u.email, u.language
                    from unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::int[], ?::text[],
                                ?::text[], ?::text[])
                         u(code, offer_id, edition_id, subject, username, name, postcode, territory, party, first_name, email, language)
                    returning id, holder_subject, offer_id""")) {
                insert.setObject(1, java.time.OffsetDateTime.ofInstant(created, java.time.ZoneOffset.UTC));
                insert.setArray(2, c.createArrayOf("text", awards.stream().map(a -> TicketCodes.next()).toArray()));
                insert.setArray(3, c.createArrayOf("int8", awards.stream().map(Award::offerId).toArray()));
                insert.setArray(4, c.createArrayOf("int8", awards.stream().map(Award::editionId).toArray()));
                insert.setArray(5, c.createArrayOf("text", awards.stream().map(Award::holderSubject).toArray()));
                insert.setArray(6, c.createArrayOf("text", awards.stream().map(Award::holderUsername).toArray()));
                insert.setArray(7, c.createArrayOf("text", awards.stream().map(Award::holderName).toArray()));
                insert.setArray(8, c.createArrayOf("text", awards.stream().map(Award::holderPostcode).toArray()));
                insert.setArray(9, c.createArrayOf("int8", awards.stream().map(Award::holderTerritoryId).toArray()));
                insert.setArray(10, c.createArrayOf("int4", awards.stream().map(Award::partySize).toArray()));
                insert.setArray(11, c.createArrayOf("text", awards.stream().map(Award::holderFirstName).toArray()));
                insert.setArray(12, c.createArrayOf("text", awards.stream().map(Award::holderEmail).toArray()));
                insert.setArray(13, c.createArrayOf("text", awards.stream()
                        .map(a -> org.grandjour.mail.Mails.locale(a.holderLanguage()).getLanguage()).toArray()));
                java.util.Map<String, Long> bySubjectAndOffer = new java.util.HashMap<>();
                try (var r = insert.executeQuery()) {
                    while (r.next()) {
                        bySubjectAndOffer.put(r.getString(2) + "\n" + r.getLong(3), r.getLong(1));
                    }
                }
                List<Long> out = awards.stream().map(a -> bySubjectAndOffer.get(a.holderSubject() + "\n" + a.offerId())).toList();
                try (var allowance = c.prepareStatement("""
                        insert into resident_allowance as a (holder_subject, edition_id, live_tickets)
                        select s, e, count(*) from unnest(?::text[], ?::bigint[]) u(s, e) group by s, e
                        on conflict (holder_subject, edition_id) do update set live_tickets = a.live_tickets + excluded.live_tickets""")) {
                    allowance.setArray(1, c.createArrayOf("text", awards.stream().map(Award::holderSubject).toArray()));
                    allowance.setArray(2, c.createArrayOf("int8", awards.stream().map(Award::editionId).toArray()));
                    allowance.executeUpdate();
                }
                return out;
            }
        });
        record Origin(long editionId, long offerId, Long territoryId) {
        }
        java.util.Map<Origin, int[]> counts = new java.util.LinkedHashMap<>();
        for (Award a : awards) {
            int[] c = counts.computeIfAbsent(new Origin(a.editionId(), a.offerId(), a.holderTerritoryId()), k -> new int[2]);
            c[0]++;
            c[1] += a.partySize();
        }
        counts.forEach((o, c) -> events.fire(new TicketEvent.Issued(o.editionId(), o.offerId(), o.territoryId(), c[0], c[1])));
        return ids;
    }

    /** One more live ticket for the holder, unless they hold the edition's most already (one conditional upsert). */
    private boolean takeAllowance(String holderSubject, Edition edition) {
        return !em.createNativeQuery("""
                insert into resident_allowance as a (holder_subject, edition_id, live_tickets) values (?1, ?2, 1)
                on conflict (holder_subject, edition_id)
                do update set live_tickets = a.live_tickets + 1 where a.live_tickets < ?3
                returning live_tickets""")
                .setParameter(1, holderSubject).setParameter(2, edition.id)
                .setParameter(3, edition.maxTicketsPerResident).getResultList().isEmpty();
    }

    private void giveBackAllowance(String holderSubject, long editionId) {
        em.createNativeQuery("update resident_allowance set live_tickets = live_tickets - 1 where holder_subject = ?1 and edition_id = ?2")
                .setParameter(1, holderSubject).setParameter(2, editionId).executeUpdate();
    }

    /** The new ticket's id, or none when the resident already holds a live ticket for the offer or used the key. */
    private OptionalLong insert(NewTicket t) {
        List<?> inserted = em.createNativeQuery("""
                insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_name,
                                    holder_postcode, holder_territory_id, party_size, idempotency_key,
                                    request_fingerprint, created_at, holder_first_name, holder_email, holder_language)
                values (:code, :offer, :edition, :subject, :username, :name, :postcode, :territory, :partySize,
                        :idempotencyKey, :fingerprint, :createdAt, :firstName, :email, :language)
                on conflict do nothing
                returning id""")
                .setParameter("code", t.code()).setParameter("offer", t.offer().id).setParameter("edition", t.offer().edition.id)
                .setParameter("subject", t.holderSubject()).setParameter("username", t.holderUsername())
                .setParameter("name", t.holderName()).setParameter("postcode", t.holderPostcode())
                .setParameter("territory", t.holderTerritory().id).setParameter("partySize", t.partySize())
                .setParameter("idempotencyKey", t.idempotencyKey()).setParameter("fingerprint", t.requestFingerprint())
                .setParameter("createdAt", t.createdAt()).setParameter("firstName", t.holderFirstName())
                .setParameter("email", t.holderEmail()).setParameter("language", t.holderLanguage())
                .getResultList();
        return inserted.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) inserted.get(0)).longValue());
    }

    @Transactional
    public List<TicketView> mine(Resident resident) {
        Instant now = clock.instant();
        return em.createQuery("""
                select t from Ticket t join fetch t.offer o join fetch o.edition join fetch o.attraction a
                join fetch a.territory where t.holderSubject = :s order by t.createdAt desc, t.id desc""", Ticket.class)
                .setParameter("s", resident.subject()).getResultStream().map(t -> view(t, now)).toList();
    }

    @Transactional
    public TicketView get(Resident resident, long id) {
        return view(own(resident, id), clock.instant());
    }

    /** "I can't come", from the app. */
    @Transactional
    public void cancel(Resident resident, long id) {
        cancel(resident, id, clock.instant());
    }

    /** As {@link #cancel(Resident, long)}, at a given time (the demo's replays of past weekends). */
    @Transactional
    public void cancel(Resident resident, long id, Instant now) {
        release(own(resident, id), now, "APP");
    }

    /** "I still come", from the app; saying it twice changes nothing. */
    @Transactional
    public TicketView confirm(Resident resident, long id) {
        return confirm(resident, id, clock.instant());
    }

    /** As {@link #confirm(Resident, long)}, at a given time (the demo's replays of past weekends). */
    @Transactional
    public TicketView confirm(Resident resident, long id, Instant now) {
        Ticket t = own(resident, id);
        confirm(t, now);
        return view(t, now);
    }

    /**
     * Gives a ticket's places back at once. Allowed until the attraction opens on the day (plans change
     * on the morning itself), never once a person of the party was admitted.
     */
    void release(Ticket t, Instant now, String via) {
        if (t.status == TicketStatus.CANCELLED) {
            throw ProblemType.TICKET_CANCELLED.exception("This ticket was already released at " + t.cancelledAt + ".");
        }
        if (t.personsAdmitted > 0) {
            throw ProblemType.CANCEL_TOO_LATE.exception("This ticket has already been used at the door.");
        }
        if (!now.isBefore(t.offer.opensInstant())) {
            throw ProblemType.CANCEL_TOO_LATE.exception("Tickets can be released until the attraction opens ("
                    + t.offer.day + " at " + t.offer.opensAt + ", " + t.edition.timeZone + "); it has opened.");
        }
        // the offer's row first, as the waiting list's refill (in this transaction) and capacity changes take it
        em.createNativeQuery("select id from offer where id = ?1 for no key update").setParameter(1, t.offer.id).getResultList();
        int released = em.createNativeQuery("""
                update ticket set status = 'CANCELLED', cancelled_at = ?1, released_via = ?3
                where id = ?2 and status = 'ACTIVE' and persons_admitted = 0""")
                .setParameter(1, now).setParameter(2, t.id).setParameter(3, via).executeUpdate();
        if (released == 0) { // a concurrent release or admission got there first
            throw ProblemType.TICKET_CANCELLED.exception("This ticket can no longer be released.");
        }
        gaveBack(t, now);
    }

    /**
     * Releases a ticket that was warned and still not confirmed at the edition's deadline, in the caller's
     * transaction, as {@link #release} does (offer row first, then the ticket by one conditional UPDATE);
     * false when the holder confirmed, released, or was admitted meanwhile, or the doors have opened.
     */
    boolean releaseAtDeadline(Ticket t, Instant now) {
        if (!now.isBefore(t.offer.opensInstant())) {
            return false;
        }
        em.createNativeQuery("select id from offer where id = ?1 for no key update").setParameter(1, t.offer.id).getResultList();
        int released = em.createNativeQuery("""
                update ticket set status = 'CANCELLED', cancelled_at = ?1, released_via = 'DEADLINE'
                where id = ?2 and status = 'ACTIVE' and persons_admitted = 0 and confirmed_at is null
                  and deadline_warned_at is not null""")
                .setParameter(1, now).setParameter(2, t.id).executeUpdate();
        if (released == 0) {
            return false;
        }
        gaveBack(t, now);
        return true;
    }

    /** After a ticket's row went CANCELLED: its allowance and places back, and the refill (an observer) runs. */
    private void gaveBack(Ticket t, Instant now) {
        giveBackAllowance(t.holderSubject, t.edition.id);
        if (quota.release(t.offer.id, t.id, t.partySize) < t.partySize) {
            em.refresh(t.offer); // its allowance shrank (in SQL): the entity must not write the old one back
        }
        events.fire(new TicketEvent.Cancelled(t.edition.id, t.offer.id,
                t.holderTerritory == null ? null : t.holderTerritory.id, t.partySize, now));
    }

    void confirm(Ticket t, Instant now) {
        if (t.status == TicketStatus.CANCELLED) {
            throw ProblemType.TICKET_CANCELLED.exception("This ticket was released at " + t.cancelledAt + ".");
        }
        // only a live ticket: a deadline release committing meanwhile wins, and the holder hears so
        int confirmed = em.createNativeQuery("update ticket set confirmed_at = coalesce(confirmed_at, ?1) where id = ?2 and status = 'ACTIVE'")
                .setParameter(1, now).setParameter(2, t.id).executeUpdate();
        if (confirmed == 0) {
            throw ProblemType.TICKET_CANCELLED.exception("This ticket was released.");
        }
        if (t.confirmedAt == null) {
            t.confirmedAt = now;
        }
    }

    private Ticket own(Resident resident, long id) {
        Ticket t = em.find(Ticket.class, id);
        if (t == null || !t.holderSubject.equals(resident.subject())) {
            throw ProblemException.notFound("Ticket", id); // another resident's ticket does not exist for you
        }
        return t;
    }

    private Offer findOffer(long offerId) {
        // the edition's territories too: eligibility reads them; an inactive attraction's offers are not
        // listed, so they cannot be claimed by id either
        return em.createQuery("""
                select o from Offer o join fetch o.edition e left join fetch e.territories join fetch o.attraction a
                where o.id = :id and a.active""", Offer.class)
                .setParameter("id", offerId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Offer", offerId));
    }

    private Optional<Ticket> findByIdempotencyKey(Resident resident, String key) {
        return em.createQuery("select t from Ticket t where t.holderSubject = :s and t.idempotencyKey = :k", Ticket.class)
                .setParameter("s", resident.subject()).setParameter("k", key).getResultStream().findFirst();
    }

    private ClaimOutcome replay(Ticket earlier, ClaimRequest request) {
        if (!request.fingerprint().equals(earlier.requestFingerprint)) {
            throw ProblemType.IDEMPOTENCY_KEY_REUSED.exception("This Idempotency-Key was used for another claim ("
                    + "offer " + earlier.offer.id + ", party of " + earlier.partySize + "); use a new key for a new claim.");
        }
        return new ClaimOutcome(view(earlier, clock.instant()), false);
    }

    TicketView view(Ticket t, Instant now) {
        Offer o = t.offer;
        String payload = signer.sign(new TicketSigner.TicketClaims(t.id, o.id, o.attraction.id, o.day, t.partySize));
        Instant releasableUntil = o.opensInstant();
        boolean cancellable = t.status == TicketStatus.ACTIVE && t.personsAdmitted == 0 && now.isBefore(releasableUntil);
        return new TicketView(t.id, t.code, t.status, t.partySize, t.personsAdmitted, t.createdAt, t.cancelledAt,
                t.holderName, cancellable, releasableUntil, t.confirmedAt, payload, OfferView.of(o));
    }
}
