package org.grandjour.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.ticket.Ticket;
import org.grandjour.ticket.TicketCodes;
import org.grandjour.ticket.TicketSigner;
import org.grandjour.ticket.TicketStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Door scans. A bad ticket is a verdict, never an error. Each scan is one transaction that first
 * claims its scan id (a retried scan finds the first one's row and gets its verdict back), then
 * admits with one conditional UPDATE, so concurrent scans of a ticket on several devices can never
 * admit more persons than the party (the ticket's CHECK would refuse it anyway).
 * <p>
 * One admission rule, two places: the other half is the scanner's offline decision in the SPA
 * ({@code frontend/src/features/scanner/offline/offline-decision.ts}, {@code judge-scan.ts}). Change together:
 * <ul>
 * <li>the verdict order: INVALID, WRONG_ATTRACTION, WRONG_DAY, CANCELLED, ALREADY_USED, ADMITTED;</li>
 * <li>the day check: the ticket's day against the scan's day in the edition's zone ({@link
 * org.grandjour.edition.Edition#dayOf}; the device's {@code today} in the door list's {@code timeZone}), too early or too late;</li>
 * <li>partial admission: no {@code persons} admits everyone not yet in; more persons than are left admits
 * nobody (ALREADY_USED), as does a party all in;</li>
 * <li>what a signed QR carries ({@link TicketSigner.TicketClaims}, {@code qr-payload.ts}): the device trusts its
 * attraction, day and party size, and admits a signed ticket missing from its door list;</li>
 * <li>offline admissions come back with explicit {@code persons} and {@code localVerdict} ADMITTED (refusals are
 * not sent), in the order made; a refusal of such a scan here is a {@code conflict};</li>
 * <li>the {@link ScanResult} fields the device fills itself (persons before, remaining, first admission).</li>
 * </ul>
 */
@ApplicationScoped
public class ScanService {
    @Inject
    EntityManager em;
    @Inject
    TicketSigner signer;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<ScanEvent> events;

    @Transactional
    public ScanResult scan(String staffUsername, ScanRequest request, boolean offline) {
        List<?> claimed = em.createNativeQuery("""
                insert into scan (scan_uid, attraction_id, device_id, staff_username, verdict, scanned_at, offline, local_verdict)
                values (?1, ?2, ?3, ?4, 'INVALID', ?5, ?6, ?7)
                on conflict (scan_uid) do nothing
                returning id""")
                .setParameter(1, request.scanId()).setParameter(2, request.attractionId())
                .setParameter(3, request.deviceId()).setParameter(4, staffUsername)
                .setParameter(5, request.scannedAt()).setParameter(6, offline)
                .setParameter(7, request.localVerdict() == null ? null : request.localVerdict().name())
                .getResultList();
        if (claimed.isEmpty()) {
            return replay(request);
        }
        Scan scan = em.find(Scan.class, ((Number) claimed.get(0)).longValue());
        Outcome outcome = judge(request);
        scan.ticket = outcome.ticket;
        scan.verdict = outcome.verdict;
        scan.personsAdmitted = outcome.admittedNow;
        scan.personsBefore = outcome.before;
        scan.conflict = offline && outcome.verdict != Verdict.ADMITTED
                && (request.localVerdict() == null || request.localVerdict() == Verdict.ADMITTED);
        Ticket t = outcome.ticket;
        // without a ticket there is no edition: the day is the door's, in its territory's zone
        LocalDate day = t != null ? t.edition.dayOf(request.scannedAt())
                : request.scannedAt().atZone(ZoneId.of(scan.attraction.territory.timeZone)).toLocalDate();
        events.fire(new ScanEvent(request.attractionId(), day,
                scan.verdict, scan.conflict, scan.personsAdmitted, request.scannedAt(),
                t == null ? null : t.edition.id, t == null ? null : t.offer.id,
                t == null || t.holderTerritory == null ? null : t.holderTerritory.id));
        return result(scan, outcome.reason);
    }

    /**
     * Scans made offline, in the order they were made, each in its own transaction: one scan that
     * fails for an unexpected reason does not lose the others.
     */
    public List<ScanResult> batch(String staffUsername, List<ScanRequest> scans) {
        return scans.stream().sorted(Comparator.comparing(ScanRequest::scannedAt))
                .map(s -> QuarkusTransaction.requiringNew().call(() -> scan(staffUsername, s, true)))
                .toList();
    }

    private record Outcome(Verdict verdict, Ticket ticket, int before, int admittedNow, String reason) {
        static Outcome of(Verdict verdict, Ticket ticket, String reason) {
            return new Outcome(verdict, ticket, ticket == null ? 0 : ticket.personsAdmitted, 0, reason);
        }
    }

    private Outcome judge(ScanRequest request) {
        Optional<Ticket> found = findTicket(request.code());
        if (found.isEmpty()) {
            return Outcome.of(Verdict.INVALID, null, "Not a Grand Jour ticket: unreadable, unknown, or its signature does not verify.");
        }
        Ticket ticket = found.get();
        if (!ticket.offer.attraction.id.equals(request.attractionId())) {
            return Outcome.of(Verdict.WRONG_ATTRACTION, ticket, "This ticket is for " + ticket.offer.attraction.nameEn + ".");
        }
        LocalDate today = ticket.edition.dayOf(request.scannedAt());
        if (!today.equals(ticket.offer.day)) {
            return Outcome.of(Verdict.WRONG_DAY, ticket, (today.isBefore(ticket.offer.day) ? "Too early" : "Too late")
                    + ": this ticket is for " + ticket.offer.day + ".");
        }
        if (ticket.status == TicketStatus.CANCELLED) {
            return Outcome.of(Verdict.CANCELLED, ticket, "This ticket was cancelled.");
        }
        List<Object[]> admitted = em.createNativeQuery("""
                with old as (select id, persons_admitted from ticket where id = ?1 for update)
                update ticket t set persons_admitted = t.persons_admitted + coalesce(?2, t.party_size - t.persons_admitted)
                from old
                where t.id = old.id and t.status = 'ACTIVE' and t.persons_admitted < t.party_size
                  and t.persons_admitted + coalesce(?2, t.party_size - t.persons_admitted) <= t.party_size
                returning old.persons_admitted, t.persons_admitted""")
                .setParameter(1, ticket.id).setParameter(2, request.persons()).getResultList();
        em.refresh(ticket);
        if (admitted.isEmpty()) {
            if (ticket.status == TicketStatus.CANCELLED) { // cancelled while we were scanning
                return Outcome.of(Verdict.CANCELLED, ticket, "This ticket was cancelled.");
            }
            int left = ticket.partySize - ticket.personsAdmitted;
            return Outcome.of(Verdict.ALREADY_USED, ticket, left == 0
                    ? "The whole party (" + ticket.partySize + ") has already been admitted."
                    : "Only " + left + " of the party of " + ticket.partySize + " may still come in.");
        }
        int before = ((Number) admitted.get(0)[0]).intValue();
        int after = ((Number) admitted.get(0)[1]).intValue();
        return new Outcome(Verdict.ADMITTED, ticket, before, after - before,
                "Admit " + (after - before) + " of " + ticket.partySize + ".");
    }

    /** A signed QR payload, or a code typed by hand (the door's fallback when a QR will not read). */
    private Optional<Ticket> findTicket(String code) {
        if (code.startsWith("GJ1.")) {
            return signer.verify(code).flatMap(claims -> ticketWhere("t.id = :key", claims.ticketId())
                    .filter(t -> t.offer.id.equals(claims.offerId()) && t.partySize == claims.partySize()));
        }
        String normalised = TicketCodes.normalise(code);
        return normalised == null ? Optional.empty() : ticketWhere("t.code = :key", normalised);
    }

    /** The ticket with everything a verdict reads, in one query (this is the door's hot path). */
    private Optional<Ticket> ticketWhere(String condition, Object key) {
        return em.createQuery("""
                select t from Ticket t join fetch t.offer o join fetch o.attraction join fetch t.edition
                left join fetch t.holderTerritory where """ + " " + condition, Ticket.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    private ScanResult replay(ScanRequest request) {
        Scan first = em.createQuery("select s from Scan s where s.scanUid = :uid", Scan.class)
                .setParameter("uid", request.scanId()).getSingleResult();
        return result(first, "Already received: the verdict of the first time this scan was sent.");
    }

    private ScanResult result(Scan scan, String reason) {
        Ticket t = scan.ticket;
        Instant firstAt = null;
        String firstBy = null;
        if (scan.verdict == Verdict.ALREADY_USED && t != null) {
            List<Object[]> first = em.createNativeQuery("""
                    select scanned_at, device_id from scan where ticket_id = ?1 and verdict = 'ADMITTED'
                    order by scanned_at, id limit 1""").setParameter(1, t.id).getResultList();
            if (!first.isEmpty()) {
                firstAt = org.grandjour.common.SqlValues.instant(first.get(0)[0]);
                firstBy = (String) first.get(0)[1];
            }
        }
        return new ScanResult(scan.scanUid, scan.verdict,
                t == null ? null : t.id,
                t == null ? null : t.partySize,
                scan.personsAdmitted, scan.personsBefore,
                t == null ? null : t.partySize - scan.personsBefore - scan.personsAdmitted,
                t == null ? null : t.holderFirstName,
                t == null ? null : t.offer.id,
                t == null ? null : t.offer.attraction.id,
                t == null ? null : t.offer.day,
                firstAt, firstBy, scan.conflict, reason);
    }
}
