package org.grandjour.scan;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.DateRanges;
import org.grandjour.common.Localized;
import org.grandjour.ticket.TicketCodes;
import org.grandjour.ticket.TicketSigner;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Door scans. A bad ticket is a verdict, never an error. Scans are judged in sets (one online scan is
 * a set of one, an offline batch a set of up to 500) in one transaction with a handful of round trips:
 * every scan id is claimed in one INSERT ... ON CONFLICT DO NOTHING (a retried scan finds the first
 * one's row and gets its verdict back), the tickets are read in one query, and each admission is one
 * conditional UPDATE, so concurrent scans of a ticket on several devices can never admit more persons
 * than the party (the ticket's CHECK would refuse it anyway).
 * <p>
 * Door time: an online scan is judged, and logged, at the server's clock, whatever the device says; an
 * offline scan's {@code scannedAt} counts only between the start of its ticket's day (edition zone) and
 * the server's now plus {@code grandjour.scan.clock-skew}, else it is refused as {@link Verdict#BAD_SCAN_TIME}
 * (kept in the scan log as such), so a device with a wrong or forged clock neither admits a ticket of
 * another day nor burns it. However absurd the time (year +999999999, 1899), the scan is judged, not refused
 * with its batch ({@link DeviceTime}), and logged at the nearest time years 1900..9999 allow.
 * <p>
 * One admission rule, two places: the other half is the scanner's offline decision in the SPA
 * ({@code frontend/src/features/scanner/offline/offline-decision.ts}, {@code judge-scan.ts}). Change together:
 * <ul>
 * <li>the verdict order: INVALID, WRONG_ATTRACTION, then the ticket's status (CANCELLED, then ALREADY_USED
 * for a party all in) before WRONG_DAY, then TOO_MANY_PERSONS or ADMITTED;</li>
 * <li>the day check: the ticket's day against the scan's day in the edition's zone ({@link
 * org.grandjour.edition.Edition#dayOf}; the device's {@code today} in the door list's {@code timeZone}), too early or too late;</li>
 * <li>partial admission: no {@code persons} admits everyone not yet in; more persons than are left admits
 * nobody (TOO_MANY_PERSONS, with the persons remaining); a party all in is ALREADY_USED;</li>
 * <li>what a signed QR carries ({@link TicketSigner.TicketClaims}, {@code qr-payload.ts}): the device trusts its
 * attraction, day and party size, and admits a signed ticket missing from its door list;</li>
 * <li>offline admissions come back with explicit {@code persons} and {@code localVerdict} ADMITTED (refusals are
 * not sent), in the order made; a refusal of such a scan here is a {@code conflict};</li>
 * <li>the {@link ScanResult} fields the device fills itself (persons before, remaining, first admission).</li>
 * </ul>
 * <p>
 * The door's capacity ({@link Verdict#DOOR_FULL}, server only: a device does not know what other doors admitted):
 * an offer may hold tickets for more persons than its capacity (overbooking, allowance &gt; 0). For such offers only,
 * every set of scans first locks their offer rows (FOR NO KEY UPDATE, in id order, before any ticket row: the offer
 * first, as releases, refills and walk-ups take it), then counts the persons already admitted from the tickets (a
 * new statement, so it sees every admission committed before the lock), and an online admission must fit in what
 * is left of the capacity (a condition of the admitting UPDATE). Offers without an allowance cannot be overfull
 * (booked persons &lt;= capacity, OverbookingService keeps allowance &gt;= booked - capacity): their scans take no
 * extra lock and read nothing more. Offline admissions already happened at the door: they are recorded and counted
 * even beyond the capacity (the door decided; refusing them would only falsify the log), under the same lock, so an
 * online scan never admits into room an offline batch is taking at the same time.
 */
@ApplicationScoped
public class ScanService {
    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final String REPLAYED = "Already received: the verdict of the first time this scan was sent.";

    @Inject
    EntityManager em;
    @Inject
    TicketSigner signer;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<ScanEvents> events;
    /** How far ahead of the server's clock an offline scan's time may be (device clocks drift a little). */
    @ConfigProperty(name = "grandjour.scan.clock-skew", defaultValue = "PT5M")
    Duration clockSkew;

    @Transactional
    public ScanResult scan(String staffUsername, ScanRequest request, boolean offline) {
        return judgeAll(staffUsername, List.of(request), offline, clock.instant()).get(0);
    }

    /** An online scan judged at a given instant: the demo replays the 2010 weekend's door through here. */
    @Transactional
    public ScanResult scanAt(String staffUsername, ScanRequest request, Instant now) {
        return judgeAll(staffUsername, List.of(request), false, now).get(0);
    }

    /**
     * Scans made offline, in the order they were made, all in one transaction. If that fails (a deadlock
     * with another device's batch, say), each is tried again in its own transaction: one scan that fails
     * for an unexpected reason does not lose the others, and scan ids keep every retry harmless.
     */
    public List<ScanResult> batch(String staffUsername, List<ScanRequest> scans) {
        List<ScanRequest> ordered = scans.stream().sorted(Comparator.comparing(ScanRequest::scannedAt)).toList();
        long started = System.nanoTime();
        try {
            List<ScanResult> results = QuarkusTransaction.requiringNew().call(() -> judgeAll(staffUsername, ordered, true, clock.instant()));
            LOG.debugf("a batch of %d scans judged in %d ms", ordered.size(), (System.nanoTime() - started) / 1_000_000);
            return results;
        } catch (RuntimeException e) {
            LOG.debugf(e, "a batch of %d scans failed as a whole; trying them one by one", ordered.size());
            return ordered.stream()
                    .map(s -> QuarkusTransaction.requiringNew().call(() -> judgeAll(staffUsername, List.of(s), true, clock.instant()).get(0)))
                    .toList();
        }
    }

    /** A ticket as a verdict reads it, and as this set of scans has left it so far. */
    private static final class Row {
        long id;
        String code;
        long offerId;
        int partySize;
        int personsAdmitted;
        String status;
        String holderFirstName;
        Long holderTerritoryId;
        long editionId;
        long attractionId;
        LocalDate day;
        String attractionName;
        ZoneId zone;
        int overbookingAllowance;
    }

    /** An overbooked offer's door, locked for this set of scans: its capacity and the persons admitted so far. */
    private static final class Door {
        int capacity;
        int admitted;
    }

    /** {@code doorPlacesLeft}: for DOOR_FULL, the room the refused UPDATE was held to; null otherwise. */
    private record Judged(long scanRowId, ScanRequest request, Instant at, Verdict verdict, Row ticket, int before, int admittedNow,
                          boolean conflict, String reason, Integer doorPlacesLeft) {
    }

    private List<ScanResult> judgeAll(String staffUsername, List<ScanRequest> requests, boolean offline, Instant now) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<UUID, Long> claimed = claim(c, staffUsername, requests, offline, now);
            List<Judged> judged = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            List<ScanRequest> fresh = new ArrayList<>();
            for (ScanRequest r : requests) {
                if (claimed.containsKey(r.scanId()) && seen.add(r.scanId())) {
                    fresh.add(r);
                }
            }
            Map<ScanRequest, Row> tickets = findTickets(c, fresh);
            Map<Long, Door> doors = lockDoors(c, tickets.values());
            // the last condition: within the door's room (null: no limit, an ordinary offer or an offline admission)
            try (PreparedStatement admit = c.prepareStatement("""
                    with old as (select id, persons_admitted from ticket where id = ? for update)
                    update ticket t set persons_admitted = t.persons_admitted + coalesce(?, t.party_size - t.persons_admitted)
                    from old
                    where t.id = old.id and t.status = 'ACTIVE' and t.persons_admitted < t.party_size
                      and t.persons_admitted + coalesce(?, t.party_size - t.persons_admitted) <= t.party_size
                      and (cast(? as integer) is null or coalesce(?, t.party_size - t.persons_admitted) <= cast(? as integer))
                    returning old.persons_admitted, t.persons_admitted, t.status""");
                 PreparedStatement reread = c.prepareStatement("select persons_admitted, status from ticket where id = ?")) {
                for (ScanRequest r : fresh) {
                    Instant at = offline ? DateRanges.clamp(r.scannedAt()) : now;
                    Row t = tickets.get(r);
                    judged.add(judge(claimed.get(r.scanId()), r, at, offline, now, t, t == null ? null : doors.get(t.offerId), admit, reread));
                }
            }
            record(c, judged);
            fireEvents(c, judged);
            return results(c, requests, judged);
        });
    }

    /**
     * Locks the offers of these tickets that hold an overbooking allowance (in id order, so that two sets never wait
     * on each other), then counts their admitted persons: a second statement, whose snapshot sees every admission
     * committed before the locks were granted. Nothing at all for ordinary offers.
     */
    private static Map<Long, Door> lockDoors(Connection c, java.util.Collection<Row> tickets) throws SQLException {
        Long[] offers = tickets.stream().filter(t -> t.overbookingAllowance > 0).map(t -> t.offerId).distinct().sorted().toArray(Long[]::new);
        Map<Long, Door> doors = new HashMap<>();
        if (offers.length == 0) {
            return doors;
        }
        try (PreparedStatement lock = c.prepareStatement("select id from offer where id = any(?) order by id for no key update")) {
            lock.setArray(1, c.createArrayOf("bigint", offers));
            lock.executeQuery().close();
        }
        try (PreparedStatement count = c.prepareStatement("""
                select o.id, o.capacity, (select coalesce(sum(t.persons_admitted), 0) from ticket t where t.offer_id = o.id)
                from offer o where o.id = any(?)""")) {
            count.setArray(1, c.createArrayOf("bigint", offers));
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    Door d = new Door();
                    d.capacity = rs.getInt(2);
                    d.admitted = rs.getInt(3);
                    doors.put(rs.getLong(1), d);
                }
            }
        }
        return doors;
    }

    /** Claims every scan id at once; a scan id already known (a retry) is not claimed again. */
    private Map<UUID, Long> claim(Connection c, String staffUsername, List<ScanRequest> requests, boolean offline, Instant now)
            throws SQLException {
        int n = requests.size();
        UUID[] uids = new UUID[n];
        Long[] attractions = new Long[n];
        String[] devices = new String[n];
        String[] times = new String[n];
        String[] local = new String[n];
        for (int i = 0; i < n; i++) {
            ScanRequest r = requests.get(i);
            uids[i] = r.scanId();
            attractions[i] = r.attractionId();
            devices[i] = r.deviceId();
            // online: the server's clock, not the device's; offline: the device's, brought within what can be stored
            // (an absurd one is judged BAD_SCAN_TIME all the same)
            times[i] = (offline ? DateRanges.clamp(r.scannedAt()) : now).toString();
            local[i] = r.localVerdict() == null ? null : r.localVerdict().name();
        }
        Map<UUID, Long> claimed = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                insert into scan (scan_uid, attraction_id, device_id, staff_username, verdict, scanned_at, offline, local_verdict)
                select x.u, x.a, x.d, ?, 'INVALID', x.t::timestamptz, ?, x.lv
                from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[]) with ordinality as x(u, a, d, t, lv, n)
                order by x.n
                on conflict (scan_uid) do nothing
                returning id, scan_uid""")) {
            s.setString(1, staffUsername);
            s.setBoolean(2, offline);
            s.setArray(3, c.createArrayOf("uuid", uids));
            s.setArray(4, c.createArrayOf("bigint", attractions));
            s.setArray(5, c.createArrayOf("text", devices));
            s.setArray(6, c.createArrayOf("text", times));
            s.setArray(7, c.createArrayOf("text", local));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.put(rs.getObject(2, UUID.class), rs.getLong(1));
                }
            }
        }
        return claimed;
    }

    /**
     * The ticket of each scan, all read in one query: a signed QR payload (verified here), or a code
     * typed by hand (the door's fallback when a QR will not read).
     */
    private Map<ScanRequest, Row> findTickets(Connection c, List<ScanRequest> requests) throws SQLException {
        Map<ScanRequest, TicketSigner.TicketClaims> signed = new HashMap<>();
        Map<ScanRequest, String> typed = new HashMap<>();
        for (ScanRequest r : requests) {
            if (r.code().startsWith("GJ1.")) {
                signer.verify(r.code()).ifPresent(claims -> signed.put(r, claims));
            } else {
                Optional.ofNullable(TicketCodes.normalise(r.code())).ifPresent(code -> typed.put(r, code));
            }
        }
        Map<ScanRequest, Row> found = new HashMap<>();
        if (signed.isEmpty() && typed.isEmpty()) {
            return found;
        }
        Map<Long, Row> byId = new HashMap<>();
        Map<String, Row> byCode = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select t.id, t.code, t.offer_id, t.party_size, t.persons_admitted, t.status, t.holder_first_name,
                       t.holder_territory_id, t.edition_id, o.attraction_id, o.day, a.name_en, e.time_zone, o.overbooking_allowance
                from ticket t join offer o on o.id = t.offer_id join attraction a on a.id = o.attraction_id
                join edition e on e.id = t.edition_id
                where t.id = any(?) or t.code = any(?)""")) {
            s.setArray(1, c.createArrayOf("bigint", signed.values().stream().map(TicketSigner.TicketClaims::ticketId).toArray(Long[]::new)));
            s.setArray(2, c.createArrayOf("text", typed.values().toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row t = new Row();
                    t.id = rs.getLong(1);
                    t.code = rs.getString(2);
                    t.offerId = rs.getLong(3);
                    t.partySize = rs.getInt(4);
                    t.personsAdmitted = rs.getInt(5);
                    t.status = rs.getString(6);
                    t.holderFirstName = rs.getString(7);
                    t.holderTerritoryId = rs.getObject(8) == null ? null : rs.getLong(8);
                    t.editionId = rs.getLong(9);
                    t.attractionId = rs.getLong(10);
                    t.day = rs.getObject(11, LocalDate.class);
                    t.attractionName = rs.getString(12);
                    t.zone = ZoneId.of(rs.getString(13));
                    t.overbookingAllowance = rs.getInt(14);
                    byId.put(t.id, t);
                    byCode.put(t.code, t);
                }
            }
        }
        signed.forEach((r, claims) -> Optional.ofNullable(byId.get(claims.ticketId()))
                .filter(t -> t.offerId == claims.offerId() && t.partySize == claims.partySize())
                .ifPresent(t -> found.put(r, t)));
        typed.forEach((r, code) -> Optional.ofNullable(byCode.get(code)).ifPresent(t -> found.put(r, t)));
        return found;
    }

    private Judged judge(long rowId, ScanRequest r, Instant at, boolean offline, Instant now, Row t, Door door,
                         PreparedStatement admit, PreparedStatement reread) throws SQLException {
        boolean expectedIn = offline && (r.localVerdict() == null || r.localVerdict() == Verdict.ADMITTED);
        if (t == null) {
            return refused(rowId, r, at, Verdict.INVALID, null, expectedIn,
                    "Not a Grand Jour ticket: unreadable, unknown, or its signature does not verify.");
        }
        if (offline && (at.isAfter(now.plus(clockSkew)) || at.isBefore(t.day.atStartOfDay(t.zone).toInstant()))) {
            return refused(rowId, r, at, Verdict.BAD_SCAN_TIME, t, expectedIn, "The device's time of this scan (" + r.scannedAt()
                    + ") is before the ticket's day or after the server's now: the device's clock cannot be trusted.");
        }
        if (t.attractionId != r.attractionId()) {
            return refused(rowId, r, at, Verdict.WRONG_ATTRACTION, t, expectedIn, "This ticket is for " + t.attractionName + ".");
        }
        // the ticket's own state first: a cancelled or used ticket says so whatever its day
        if ("CANCELLED".equals(t.status)) {
            return refused(rowId, r, at, Verdict.CANCELLED, t, expectedIn, "This ticket was cancelled.");
        }
        if (t.personsAdmitted >= t.partySize) {
            return refused(rowId, r, at, Verdict.ALREADY_USED, t, expectedIn,
                    "The whole party (" + t.partySize + ") has already been admitted.");
        }
        LocalDate today = at.atZone(t.zone).toLocalDate();
        if (!today.equals(t.day)) {
            return refused(rowId, r, at, Verdict.WRONG_DAY, t, expectedIn,
                    (today.isBefore(t.day) ? "Too early" : "Too late") + ": this ticket is for " + t.day + ".");
        }
        // an offline admission is never held to the door's room: the door already let the party in (see the class comment)
        Integer room = door == null || offline ? null : Math.max(0, door.capacity - door.admitted);
        admit.setLong(1, t.id);
        setPersons(admit, 2, r.persons());
        setPersons(admit, 3, r.persons());
        setPersons(admit, 4, room);
        setPersons(admit, 5, r.persons());
        setPersons(admit, 6, room);
        try (ResultSet rs = admit.executeQuery()) {
            if (rs.next()) {
                int before = rs.getInt(1);
                int after = rs.getInt(2);
                t.personsAdmitted = after;
                if (door != null) {
                    door.admitted += after - before;
                }
                return new Judged(rowId, r, at, Verdict.ADMITTED, t, before, after - before, false,
                        "Admit " + (after - before) + " of " + t.partySize + ".", null);
            }
        }
        reread.setLong(1, t.id); // not admitted: see why, as things are now
        try (ResultSet rs = reread.executeQuery()) {
            rs.next();
            t.personsAdmitted = rs.getInt(1);
            t.status = rs.getString(2);
        }
        int left = t.partySize - t.personsAdmitted;
        if ("CANCELLED".equals(t.status)) { // cancelled while we were scanning
            return refused(rowId, r, at, Verdict.CANCELLED, t, expectedIn, "This ticket was cancelled.");
        }
        if (left <= 0) {
            return refused(rowId, r, at, Verdict.ALREADY_USED, t, expectedIn,
                    "The whole party (" + t.partySize + ") has already been admitted.");
        }
        if ((r.persons() == null || r.persons() <= left) && door != null && room != null) {
            int wanted = r.persons() == null ? left : r.persons();
            // the room this UPDATE was held to (the offer is locked until commit): the door may offer part of the party
            return new Judged(rowId, r, at, Verdict.DOOR_FULL, t, t.personsAdmitted, 0, expectedIn, "Door full: " + door.admitted
                    + " of the capacity of " + door.capacity + " are in; " + wanted + (wanted == 1 ? " person does" : " persons do")
                    + " not fit (" + room + " place" + (room == 1 ? "" : "s") + " left).", room);
        }
        return refused(rowId, r, at, Verdict.TOO_MANY_PERSONS, t, expectedIn,
                r.persons() + " persons asked, but only " + left + " of the party of " + t.partySize + " may still come in.");
    }

    private static void setPersons(PreparedStatement s, int index, Integer persons) throws SQLException {
        if (persons == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, persons);
        }
    }

    private static Judged refused(long rowId, ScanRequest r, Instant at, Verdict verdict, Row t, boolean expectedIn, String reason) {
        return new Judged(rowId, r, at, verdict, t, t == null ? 0 : t.personsAdmitted, 0, expectedIn, reason, null);
    }

    /** Every verdict into the scan log, in one statement. */
    private static void record(Connection c, List<Judged> judged) throws SQLException {
        if (judged.isEmpty()) {
            return;
        }
        int n = judged.size();
        Long[] ids = new Long[n];
        Long[] tickets = new Long[n];
        String[] verdicts = new String[n];
        Integer[] admitted = new Integer[n];
        Integer[] before = new Integer[n];
        Boolean[] conflicts = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Judged j = judged.get(i);
            ids[i] = j.scanRowId();
            tickets[i] = j.ticket() == null ? null : j.ticket().id;
            verdicts[i] = j.verdict().name();
            admitted[i] = j.admittedNow();
            before[i] = j.before();
            conflicts[i] = j.conflict();
        }
        try (PreparedStatement s = c.prepareStatement("""
                update scan s set ticket_id = x.t, verdict = x.v, persons_admitted = x.n, persons_before = x.b, conflict = x.c
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::int[], ?::boolean[]) as x(id, t, v, n, b, c)
                where s.id = x.id""")) {
            s.setArray(1, c.createArrayOf("bigint", ids));
            s.setArray(2, c.createArrayOf("bigint", tickets));
            s.setArray(3, c.createArrayOf("text", verdicts));
            s.setArray(4, c.createArrayOf("integer", admitted));
            s.setArray(5, c.createArrayOf("integer", before));
            s.setArray(6, c.createArrayOf("boolean", conflicts));
            s.executeUpdate();
        }
    }

    private void fireEvents(Connection c, List<Judged> judged) throws SQLException {
        if (judged.isEmpty()) {
            return;
        }
        // without a ticket there is no edition: the day is the door's, in its territory's zone
        Map<Long, ZoneId> doorZones = new HashMap<>();
        Long[] doors = judged.stream().filter(j -> j.ticket() == null).map(j -> j.request().attractionId()).distinct().toArray(Long[]::new);
        if (doors.length > 0) {
            try (PreparedStatement s = c.prepareStatement(
                    "select a.id, tr.time_zone from attraction a join territory tr on tr.id = a.territory_id where a.id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", doors));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        doorZones.put(rs.getLong(1), ZoneId.of(rs.getString(2)));
                    }
                }
            }
        }
        events.fire(new ScanEvents(judged.stream().map(j -> {
            Row t = j.ticket();
            ZoneId zone = t != null ? t.zone : doorZones.get(j.request().attractionId());
            return new ScanEvent(j.request().attractionId(), j.at().atZone(zone).toLocalDate(), j.verdict(), j.conflict(),
                    j.admittedNow(), j.at(), t == null ? null : t.editionId, t == null ? null : t.offerId,
                    t == null ? null : t.holderTerritoryId);
        }).toList()));
    }

    /** A result per request, in their order: the verdicts just made, and the first verdicts of retried scan ids. */
    private List<ScanResult> results(Connection c, List<ScanRequest> requests, List<Judged> judged) throws SQLException {
        Map<UUID, ScanResult> byUid = new HashMap<>();
        Map<Long, Object[]> firstAdmissions = firstAdmissions(c, judged.stream()
                .filter(j -> j.verdict() == Verdict.ALREADY_USED).map(j -> j.ticket().id).distinct().toArray(Long[]::new));
        Map<Long, List<DoorAlternative>> alternatives = new HashMap<>();
        for (Judged j : judged) {
            Row t = j.ticket();
            List<DoorAlternative> elsewhere = j.verdict() != Verdict.DOOR_FULL ? null
                    : alternatives.computeIfAbsent(t.offerId, o -> alternatives(c, o));
            Object[] first = t == null || j.verdict() != Verdict.ALREADY_USED ? null : firstAdmissions.get(t.id);
            byUid.put(j.request().scanId(), new ScanResult(j.request().scanId(), j.verdict(),
                    t == null ? null : t.id, t == null ? null : t.partySize, j.admittedNow(), j.before(),
                    t == null ? null : t.partySize - j.before() - j.admittedNow(), t == null ? null : t.holderFirstName,
                    t == null ? null : t.offerId, t == null ? null : t.attractionId, t == null ? null : t.day,
                    first == null ? null : (Instant) first[0], first == null ? null : (String) first[1], j.conflict(), j.reason(),
                    elsewhere, j.doorPlacesLeft()));
        }
        UUID[] replayed = requests.stream().map(ScanRequest::scanId).filter(u -> !byUid.containsKey(u)).distinct().toArray(UUID[]::new);
        if (replayed.length > 0) {
            replays(c, replayed, byUid);
        }
        return requests.stream().map(r -> byUid.get(r.scanId())).toList();
    }

    private static void replays(Connection c, UUID[] uids, Map<UUID, ScanResult> into) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select s.scan_uid, s.verdict, s.persons_admitted, s.persons_before, s.conflict,
                       t.id, t.party_size, t.holder_first_name, t.offer_id, o.attraction_id, o.day
                from scan s left join ticket t on t.id = s.ticket_id left join offer o on o.id = t.offer_id
                where s.scan_uid = any(?)""")) {
            s.setArray(1, c.createArrayOf("uuid", uids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getObject(1, UUID.class), Verdict.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                            rs.getBoolean(5), rs.getObject(6) == null ? null : rs.getLong(6),
                            rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8),
                            rs.getObject(9) == null ? null : rs.getLong(9), rs.getObject(10) == null ? null : rs.getLong(10),
                            rs.getObject(11, LocalDate.class)});
                }
            }
        }
        Map<Long, Object[]> first = firstAdmissions(c, rows.stream().filter(r -> r[1] == Verdict.ALREADY_USED && r[5] != null)
                .map(r -> (Long) r[5]).distinct().toArray(Long[]::new));
        Map<Long, List<DoorAlternative>> alternatives = new HashMap<>();
        Map<Long, Integer> placesLeft = placesLeft(c, rows.stream().filter(r -> r[1] == Verdict.DOOR_FULL && r[8] != null)
                .map(r -> (Long) r[8]).distinct().toArray(Long[]::new)); // as things are now, like the alternatives
        for (Object[] r : rows) {
            Long ticketId = (Long) r[5];
            List<DoorAlternative> elsewhere = r[1] != Verdict.DOOR_FULL || r[8] == null ? null
                    : alternatives.computeIfAbsent((Long) r[8], o -> alternatives(c, o)); // as things are now
            Integer party = (Integer) r[6];
            int admitted = (Integer) r[2];
            int before = (Integer) r[3];
            Object[] f = r[1] == Verdict.ALREADY_USED && ticketId != null ? first.get(ticketId) : null;
            into.put((UUID) r[0], new ScanResult((UUID) r[0], (Verdict) r[1], ticketId, party, admitted, before,
                    party == null ? null : party - before - admitted, (String) r[7], (Long) r[8], (Long) r[9], (LocalDate) r[10],
                    f == null ? null : (Instant) f[0], f == null ? null : (String) f[1], (Boolean) r[4], REPLAYED, elsewhere,
                    r[1] == Verdict.DOOR_FULL && r[8] != null ? placesLeft.get((Long) r[8]) : null));
        }
    }

    /** For a retried DOOR_FULL scan: each offer's capacity less the persons in now (0 at the least); no lock, informational. */
    private static Map<Long, Integer> placesLeft(Connection c, Long[] offerIds) throws SQLException {
        Map<Long, Integer> left = new HashMap<>();
        if (offerIds.length == 0) {
            return left;
        }
        try (PreparedStatement s = c.prepareStatement("""
                select o.id, greatest(0, o.capacity - (select coalesce(sum(t.persons_admitted), 0) from ticket t where t.offer_id = o.id))
                from offer o where o.id = any(?)""")) {
            s.setArray(1, c.createArrayOf("bigint", offerIds));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    left.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return left;
    }

    /**
     * For DOOR_FULL: where the party may go instead, among the offer's edition's offers with places left (the quota's,
     * as the offers list shows them) at active attractions: the same attraction on a later day (nearest first), then
     * other attractions the same day (most places first); five at most.
     */
    private static List<DoorAlternative> alternatives(Connection c, long offerId) {
        try (PreparedStatement s = c.prepareStatement("""
                with me as (select id, edition_id, attraction_id, day from offer where id = ?)
                select o.id, o.attraction_id, a.name_fr, a.name_en, o.day, p.places, o.attraction_id = me.attraction_id as same
                from me join offer o on o.edition_id = me.edition_id and o.id <> me.id
                join attraction a on a.id = o.attraction_id
                cross join lateral (select coalesce(sum(q.remaining), 0) as places from offer_quota q where q.offer_id = o.id) p
                where a.active and p.places > 0
                  and ((o.attraction_id = me.attraction_id and o.day > me.day) or (o.attraction_id <> me.attraction_id and o.day = me.day))
                order by same desc, o.day, p.places desc, o.id
                limit 5""")) {
            s.setLong(1, offerId);
            List<DoorAlternative> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new DoorAlternative(rs.getLong(1), rs.getLong(2), new Localized(rs.getString(3), rs.getString(4)),
                            rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getBoolean(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("alternatives of offer " + offerId, e);
        }
    }

    /** For ALREADY_USED: when and by which device each ticket's party was first admitted. */
    private static Map<Long, Object[]> firstAdmissions(Connection c, Long[] ticketIds) throws SQLException {
        Map<Long, Object[]> first = new HashMap<>();
        if (ticketIds.length == 0) {
            return first;
        }
        try (PreparedStatement s = c.prepareStatement("""
                select distinct on (ticket_id) ticket_id, scanned_at, device_id from scan
                where ticket_id = any(?) and verdict = 'ADMITTED' order by ticket_id, scanned_at, id""")) {
            Array ids = c.createArrayOf("bigint", ticketIds);
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    first.put(rs.getLong(1), new Object[] {rs.getTimestamp(2).toInstant(), rs.getString(3)});
                }
            }
        }
        return first;
    }
}
