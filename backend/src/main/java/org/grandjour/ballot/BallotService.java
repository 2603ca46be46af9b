package org.grandjour.ballot;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.Problem;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.edition.EditionService;
import org.grandjour.mail.Mails;
import org.grandjour.resident.Resident;
import org.grandjour.territory.Territory;
import org.grandjour.ticket.ClaimRules;
import org.grandjour.waitlist.WaitlistService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Residents' applications, the snapshot frozen when the window closes, and the public draw report.
 * One application per resident and edition (a unique constraint); PUT writes it with one upsert, so
 * concurrent PUTs leave one row.
 */
@ApplicationScoped
public class BallotService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BallotService.class);
    private static final char[] ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    EditionService editions;
    @Inject
    ObjectMapper json;
    @Inject
    WaitlistService waitlists;

    /** The application and whether this request created it. */
    public record Outcome(ApplicationView application, boolean created) {
    }

    /** Draw ids: 60 random bits in Crockford base32; unguessable, and nothing to do with the person. */
    public static String newDrawId() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    Edition ballotEdition(long editionId) {
        Edition e = editions.get(editionId);
        if (!e.ballot()) {
            throw ProblemType.FIRST_COME_EDITION.exception(e.name + " has no ballot: its places are claimed first come, first served.");
        }
        return e;
    }

    /**
     * Applications, withdrawals and disqualifications hold the edition row in share mode while they
     * check the window and write; freezing the snapshot locks it exclusively first. So a change that
     * saw the window open has committed before the snapshot is built, and any later one sees it closed.
     */
    void holdWindow(Edition e) {
        em.createNativeQuery("select 1 from edition where id = ?1 for share").setParameter(1, e.id).getResultList();
    }

    private static void windowOpen(Edition e, Instant now) {
        if (!e.applicationOpenAt(now)) {
            throw ProblemType.APPLICATION_WINDOW_CLOSED.exception(now.isBefore(e.applicationOpensAt)
                    ? "Applications for " + e.name + " open at " + e.applicationOpensAt + "."
                    : "Applications for " + e.name + " closed at " + e.applicationClosesAt + ".");
        }
    }

    @Transactional
    public Outcome apply(long editionId, Resident resident, String email, String language, ApplicationRequest request,
                         String idempotencyKey) {
        Instant now = clock.instant();
        Edition e = ballotEdition(editionId);
        Territory territory = ClaimRules.territoryOf(e, resident.postcode());
        holdWindow(e);
        now = clock.instant();
        windowOpen(e, now);
        if (idempotencyKey != null) {
            Optional<Object[]> earlier = byKey(resident.subject(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), request, e.id);
            }
        }
        validate(e, request);
        @SuppressWarnings("unchecked")
        List<Object[]> written = em.createNativeQuery("""
                insert into ballot_application as a (edition_id, holder_subject, holder_territory_id, party_size, any_other_same_day,
                        draw_id, idempotency_key, request_fingerprint, holder_username, holder_name, holder_first_name,
                        holder_postcode, holder_email, holder_language)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                on conflict (edition_id, holder_subject) do update set
                        holder_territory_id = excluded.holder_territory_id, party_size = excluded.party_size,
                        any_other_same_day = excluded.any_other_same_day, status = 'SUBMITTED',
                        idempotency_key = excluded.idempotency_key, request_fingerprint = excluded.request_fingerprint,
                        holder_username = excluded.holder_username, holder_name = excluded.holder_name,
                        holder_first_name = excluded.holder_first_name, holder_postcode = excluded.holder_postcode,
                        holder_email = excluded.holder_email, holder_language = excluded.holder_language, updated_at = now()
                    where a.status <> 'DISQUALIFIED'
                      and (excluded.idempotency_key is null or a.idempotency_key is distinct from excluded.idempotency_key
                           or a.request_fingerprint = excluded.request_fingerprint)
                returning id, (xmax = 0)""")
                .setParameter(1, e.id).setParameter(2, resident.subject()).setParameter(3, territory.id)
                .setParameter(4, request.partySize()).setParameter(5, request.anyOther()).setParameter(6, newDrawId())
                .setParameter(7, idempotencyKey).setParameter(8, request.fingerprint()).setParameter(9, resident.username())
                .setParameter(10, resident.name()).setParameter(11, resident.firstName())
                .setParameter(12, Territory.normalisePostcode(resident.postcode())).setParameter(13, email)
                .setParameter(14, Mails.locale(language).getLanguage())
                .getResultList();
        if (written.isEmpty()) {
            // disqualified, or a concurrent request with this key and another body got there first
            Object[] row = applicationRow(e.id, resident.subject()).orElseThrow();
            if ("DISQUALIFIED".equals(row[1])) {
                throw disqualified((String) row[2]);
            }
            return replay(byKey(resident.subject(), idempotencyKey).orElseThrow(), request, e.id);
        }
        long id = ((Number) written.get(0)[0]).longValue();
        boolean created = (Boolean) written.get(0)[1];
        em.createNativeQuery("delete from ballot_choice where application_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("""
                insert into ballot_choice (application_id, edition_id, rank, offer_id)
                select ?1, ?2, c.rank, c.offer_id from unnest(cast(?3 as bigint[])) with ordinality c(offer_id, rank)""")
                .setParameter(1, id).setParameter(2, e.id).setParameter(3, request.choices().toArray(Long[]::new)).executeUpdate();
        return new Outcome(view(e, id, now), created);
    }

    private static ProblemException disqualified(String reason) {
        return ProblemType.APPLICATION_DISQUALIFIED.exception("Your application was disqualified by an organiser: " + reason);
    }

    /** Choices: 1..maxChoices distinct offers of this edition (of an active attraction); party within the edition's limit. */
    private void validate(Edition e, ApplicationRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.partySize() > e.maxPartySize) {
            errors.add(new Problem.FieldError("partySize", "at most " + e.maxPartySize + " persons per application in " + e.name));
        }
        List<Long> choices = request.choices();
        if (choices.size() > e.maxChoices) {
            errors.add(new Problem.FieldError("choices", "at most " + e.maxChoices + " choices in " + e.name));
        }
        if (new LinkedHashSet<>(choices).size() != choices.size()) {
            errors.add(new Problem.FieldError("choices", "an offer appears twice"));
        }
        @SuppressWarnings("unchecked")
        List<Number> known = em.createNativeQuery("""
                select o.id from offer o join attraction a on a.id = o.attraction_id
                where o.id = any(cast(?1 as bigint[])) and o.edition_id = ?2 and a.active""")
                .setParameter(1, choices.toArray(Long[]::new)).setParameter(2, e.id).getResultList();
        List<Long> unknown = new ArrayList<>(new LinkedHashSet<>(choices));
        unknown.removeAll(known.stream().map(Number::longValue).toList());
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError("choices", "not offers of " + e.name + ": " + unknown));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_APPLICATION, errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private Optional<Object[]> byKey(String subject, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, edition_id, request_fingerprint from ballot_application where holder_subject = ?1 and idempotency_key = ?2")
                .setParameter(1, subject).setParameter(2, key).getResultList();
        return rows.stream().findFirst();
    }

    private Outcome replay(Object[] earlier, ApplicationRequest request, long editionId) {
        if (!request.fingerprint().equals(earlier[2]) || ((Number) earlier[1]).longValue() != editionId) {
            throw ProblemType.IDEMPOTENCY_KEY_REUSED.exception(
                    "This Idempotency-Key was used for another application; use a new key for a changed application.");
        }
        return new Outcome(view(editions.get(editionId), ((Number) earlier[0]).longValue(), clock.instant()), false);
    }

    /** id, status, disqualified reason of the resident's application. */
    private Optional<Object[]> applicationRow(long editionId, String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, status, disqualified_reason from ballot_application where edition_id = ?1 and holder_subject = ?2")
                .setParameter(1, editionId).setParameter(2, subject).getResultList();
        return rows.stream().findFirst();
    }

    @Transactional
    public ApplicationView mine(long editionId, Resident resident) {
        Edition e = ballotEdition(editionId);
        long id = applicationRow(e.id, resident.subject()).map(r -> ((Number) r[0]).longValue())
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("You have not applied to the ballot of " + e.name + "."));
        return view(e, id, clock.instant());
    }

    @Transactional
    public void withdraw(long editionId, Resident resident) {
        Instant now = clock.instant();
        Edition e = ballotEdition(editionId);
        Object[] row = applicationRow(e.id, resident.subject())
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("You have not applied to the ballot of " + e.name + "."));
        holdWindow(e);
        now = clock.instant();
        windowOpen(e, now);
        if ("DISQUALIFIED".equals(row[1])) {
            throw disqualified((String) row[2]);
        }
        em.createNativeQuery("update ballot_application set status = 'WITHDRAWN', updated_at = now() where id = ?1 and status = 'SUBMITTED'")
                .setParameter(1, row[0]).executeUpdate();
    }

    ApplicationView view(Edition e, long id, Instant now) {
        Object[] a = (Object[]) em.createNativeQuery("""
                select a.id, case when o.application_id is null then a.status when o.won_offer_id is null then 'WAITLISTED' else 'WON' end,
                       a.draw_id, a.party_size, a.any_other_same_day, a.created_at, a.updated_at, o.position,
                       o.won_offer_id, o.ticket_id, a.disqualified_reason, a.holder_subject
                from ballot_application a left join ballot_outcome o on o.application_id = a.id where a.id = ?1""").setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> choices = em.createNativeQuery("select offer_id from ballot_choice where application_id = ?1 order by rank")
                .setParameter(1, id).getResultList();
        String status = (String) a[1];
        List<ApplicationView.WaitingPlace> waiting = null;
        if ("WAITLISTED".equals(status)) {
            waitlists.writeBallotLists(choices.stream().map(Number::longValue).toList()); // if the draw left them pending
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    // by holder first: the (holder_subject, offer_id) index finds them among every list's entries
                    "select offer_id, position from waitlist_entry where holder_subject = ?2 and application_id = ?1 order by offer_id")
                    .setParameter(1, id).setParameter(2, a[11]).getResultList();
            waiting = rows.stream().map(r -> new ApplicationView.WaitingPlace(((Number) r[0]).longValue(), ((Number) r[1]).intValue())).toList();
        }
        boolean editable = e.applicationOpenAt(now) && !"DISQUALIFIED".equals(status);
        return new ApplicationView(id, e.id, status, (String) a[2], ((Number) a[3]).intValue(),
                choices.stream().map(Number::longValue).toList(), (Boolean) a[4], editable, instant(a[5]), instant(a[6]),
                a[7] == null ? null : ((Number) a[7]).intValue(), a[8] == null ? null : ((Number) a[8]).longValue(),
                a[9] == null ? null : ((Number) a[9]).longValue(), waiting, (String) a[10]);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    // ---- the snapshot ----

    /** The frozen snapshot row (snapshot_json, snapshot_hash), made at first need once the window has closed. */
    @Transactional
    public Optional<Object[]> frozen(Edition e) {
        if (!e.applicationClosedAt(clock.instant())) {
            return Optional.empty();
        }
        Optional<Object[]> row = snapshotRow(e.id);
        if (row.isPresent()) {
            return row;
        }
        // wait for the applications, withdrawals and disqualifications that saw the window open
        em.createNativeQuery("select 1 from edition where id = ?1 for no key update").setParameter(1, e.id).getResultList();
        row = snapshotRow(e.id);
        if (row.isPresent()) {
            return row;
        }
        Built built = freeze(e);
        return Optional.of(new Object[] {built.json(), built.hash()});
    }

    /** A snapshot frozen by this call: its object, canonical JSON and hash, so the draw need not read it back. */
    record Built(BallotSnapshot snapshot, String json, String hash) {
    }

    /**
     * For the draw (window closed, edition row not yet locked): the snapshot built now if none was frozen
     * before (the caller then has it in hand), or empty if one was already stored.
     */
    Optional<Built> freezeIfNeeded(Edition e) {
        if (snapshotHash(e.id) != null) {
            return Optional.empty();
        }
        em.createNativeQuery("select 1 from edition where id = ?1 for no key update").setParameter(1, e.id).getResultList();
        if (snapshotHash(e.id) != null) {
            return Optional.empty();
        }
        return Optional.of(freeze(e));
    }

    /**
     * The snapshots this instance froze, kept (softly: the collector may take them back) so that the draw,
     * when the freeze ran at the window's close on this instance, need not parse megabytes of JSON again
     * (2.5 s for 200,000 applications). Only used when its hash is the stored one.
     */
    private final Map<Long, java.lang.ref.SoftReference<Built>> frozenHere = new java.util.concurrent.ConcurrentHashMap<>();

    /** The snapshot frozen on this instance with this stored hash, if still in memory. */
    Optional<BallotSnapshot> frozenHere(long editionId, String storedHash) {
        java.lang.ref.SoftReference<Built> ref = frozenHere.get(editionId);
        Built built = ref == null ? null : ref.get();
        return built != null && built.hash().equals(storedHash) ? Optional.of(built.snapshot()) : Optional.empty();
    }

    private Built freeze(Edition e) {
        long t0 = System.nanoTime();
        BallotSnapshot snapshot = build(e);
        long tBuilt = System.nanoTime();
        String canonical = snapshot.canonicalJson(); // built once: its bytes are both stored and hashed
        String hash = HexFormat.of().formatHex(DrawGenerator.sha256().digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long tJson = System.nanoTime();
        int inserted = em.createNativeQuery("""
                insert into ballot_draw (edition_id, snapshot_json, snapshot_hash) values (?1, ?2, ?3)
                on conflict (edition_id) do nothing""")
                .setParameter(1, e.id).setParameter(2, canonical).setParameter(3, hash).executeUpdate();
        LOG.infof("ballot snapshot of edition %d: %d applications read in %d ms, canonical JSON (%d chars) and hash %d ms, stored in %d ms",
                e.id, snapshot.applications().size(), (tBuilt - t0) / 1_000_000, canonical.length(), (tJson - tBuilt) / 1_000_000,
                (System.nanoTime() - tJson) / 1_000_000);
        if (inserted == 0) { // frozen meanwhile (cannot happen under the edition lock): the stored one is the truth
            Object[] row = snapshotRow(e.id).orElseThrow();
            return new Built(parse((String) row[0]), (String) row[0], (String) row[1]);
        }
        Built built = new Built(snapshot, canonical, hash);
        // used only while its hash is the stored one: a freeze rolled back is never mistaken for what was stored
        frozenHere.put(e.id, new java.lang.ref.SoftReference<>(built));
        return built;
    }

    /** The stored snapshot's hash, without its (large) JSON; null before the freeze. */
    String snapshotHash(long editionId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select snapshot_hash from ballot_draw where edition_id = ?1")
                .setParameter(1, editionId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Optional<Object[]> snapshotRow(long editionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select snapshot_json, snapshot_hash from ballot_draw where edition_id = ?1")
                .setParameter(1, editionId).getResultList();
        return rows.stream().findFirst();
    }

    /** The snapshot from the applications taking part (submitted: not withdrawn, not disqualified). */
    private BallotSnapshot build(Edition e) {
        @SuppressWarnings("unchecked")
        List<Object[]> offerRows = em.createNativeQuery("""
                select o.id, o.day, coalesce((select sum(q.remaining) from offer_quota q where q.offer_id = o.id), 0)
                from offer o where o.edition_id = ?1 order by o.id""").setParameter(1, e.id).getResultList();
        List<BallotSnapshot.Offer> offers = offerRows.stream().map(r -> new BallotSnapshot.Offer(((Number) r[0]).longValue(),
                ((Number) r[2]).intValue(), r[1] instanceof LocalDate d ? d : ((java.sql.Date) r[1]).toLocalDate())).toList();
        Map<String, Integer> shares = new TreeMap<>();
        EditionService.shares(e.id).forEach(s -> shares.put(s.territory(), s.percent()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.draw_id, a.party_size, a.any_other_same_day, t.code,
                       array_to_string(array(select c.offer_id from ballot_choice c where c.application_id = a.id order by c.rank), ',')
                from ballot_application a left join territory t on t.id = a.holder_territory_id
                where a.edition_id = ?1 and a.status = 'SUBMITTED'""").setParameter(1, e.id).getResultList();
        List<BallotSnapshot.Application> applications = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            List<Long> choices = java.util.Arrays.stream(((String) r[4]).split(",")).map(Long::parseLong).toList();
            applications.add(new BallotSnapshot.Application((String) r[0], ((Number) r[1]).intValue(), choices, (String) r[3], (Boolean) r[2]));
        }
        return new BallotSnapshot(e.id, offers, shares, applications);
    }

    /** Reads a canonical snapshot back (the draw runs on exactly what was published). */
    BallotSnapshot parse(String canonical) {
        try {
            JsonNode root = json.readTree(canonical);
            List<BallotSnapshot.Offer> offers = new ArrayList<>();
            root.get("offers").forEach(o -> offers.add(new BallotSnapshot.Offer(o.get("id").asLong(), o.get("capacity").asInt(),
                    LocalDate.parse(o.get("day").asText()))));
            Map<String, Integer> shares = new TreeMap<>();
            root.get("shares").fields().forEachRemaining(f -> shares.put(f.getKey(), f.getValue().asInt()));
            List<BallotSnapshot.Application> applications = new ArrayList<>();
            root.get("applications").forEach(a -> {
                List<Long> choices = new ArrayList<>();
                a.get("choices").forEach(c -> choices.add(c.asLong()));
                applications.add(new BallotSnapshot.Application(a.get("id").asText(), a.get("party").asInt(), choices,
                        a.get("territory").isNull() ? null : a.get("territory").asText(), a.get("anyOtherSameDay").asBoolean()));
            });
            BallotSnapshot snapshot = new BallotSnapshot(root.get("edition").asLong(), offers, shares, applications);
            if (!snapshot.canonicalJson().equals(canonical)) {
                throw new IllegalStateException("the stored snapshot is not canonical");
            }
            return snapshot;
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("the stored snapshot is unreadable", ex);
        }
    }

    // ---- the public report ----

    @Transactional
    public DrawReport report(long editionId) {
        Edition e = ballotEdition(editionId);
        Instant now = clock.instant();
        // the hash only: the snapshot's JSON (megabytes for a large ballot) is not needed here
        String storedHash = snapshotHash(e.id);
        Optional<String> frozen = storedHash != null ? Optional.of(storedHash) : frozen(e).map(r -> (String) r[1]);
        @SuppressWarnings("unchecked")
        List<Object[]> drawn = em.createNativeQuery("""
                select public_value, result_hash, cast(report as text), drawn_at, algorithm from ballot_draw
                where edition_id = ?1 and drawn_at is not null""").setParameter(1, e.id).getResultList();
        String stage = !drawn.isEmpty() ? "DRAWN" : frozen.isPresent() ? "CLOSED" : e.applicationOpenAt(now) ? "OPEN" : "OPEN_SOON";
        if (drawn.isEmpty()) {
            return new DrawReport(e.id, stage, BallotDraw.ALGORITHM, e.ballotCommitment, e.publicValueSource, e.applicationOpensAt,
                    e.applicationClosesAt, e.drawAt, frozen.orElse(null), null, null, null, null, null, null);
        }
        Object[] d = drawn.get(0);
        DrawReport.Figures figures;
        try {
            figures = json.readValue((String) d[2], DrawReport.Figures.class);
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("the stored report is unreadable", ex);
        }
        String seed = HexFormat.of().formatHex(e.ballotSeed);
        return new DrawReport(e.id, stage, (String) d[4], e.ballotCommitment, e.publicValueSource, e.applicationOpensAt,
                e.applicationClosesAt, e.drawAt, frozen.get(), seed, (String) d[0], (String) d[1], instant(d[3]), figures,
                "java DrawVerifier.java snapshot.json result.json " + seed + " '" + ((String) d[0]).replace("'", "'\\''") + "'");
    }

    /** The published snapshot file, once the window has closed. */
    @Transactional
    public byte[] snapshotFile(long editionId) {
        Edition e = ballotEdition(editionId);
        return frozen(e).map(r -> ((String) r[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow(() -> ProblemType.DRAW_TOO_EARLY.exception("The snapshot is fixed when the application window closes, at "
                        + e.applicationClosesAt + "."));
    }

    /** The published result file, once drawn. */
    @Transactional
    public byte[] resultFile(long editionId) {
        Edition e = ballotEdition(editionId);
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select result_json from ballot_draw where edition_id = ?1 and drawn_at is not null")
                .setParameter(1, e.id).getResultList();
        return rows.stream().findFirst().map(r -> r.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow(() -> ProblemType.DRAW_TOO_EARLY.exception("The ballot of " + e.name + " has not been drawn yet."));
    }
}
