package org.grandjour.ballot;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.ticket.TicketService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The organisers' side of a ballot: the overview, disqualifications and the draw. */
@ApplicationScoped
public class BallotAdminService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BallotAdminService.class);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    BallotService ballots;
    @Inject
    TicketService tickets;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;


    @Transactional
    @SuppressWarnings("unchecked")
    public BallotOverview overview(long editionId) {
        Edition e = ballots.ballotEdition(editionId);
        Instant now = clock.instant();
        Map<String, Number> counts = new HashMap<>();
        List<Object[]> byStatus = em.createNativeQuery(
                "select status, count(*), coalesce(sum(party_size), 0) from ballot_application where edition_id = ?1 group by status")
                .setParameter(1, e.id).getResultList();
        int applications = 0;
        int persons = 0;
        for (Object[] r : byStatus) {
            counts.put((String) r[0], (Number) r[1]);
            if (List.of("SUBMITTED", "WON", "WAITLISTED").contains(r[0])) {
                applications += ((Number) r[1]).intValue();
                persons += ((Number) r[2]).intValue();
            }
        }
        List<Object[]> demandRows = em.createNativeQuery("""
                select o.id, a.name_en, o.day, o.capacity,
                       count(b.id) filter (where c.rank = 1), coalesce(sum(b.party_size) filter (where c.rank = 1), 0),
                       count(b.id), coalesce(sum(b.party_size), 0)
                from offer o join attraction a on a.id = o.attraction_id
                left join ballot_choice c on c.offer_id = o.id
                left join ballot_application b on b.id = c.application_id and b.status in ('SUBMITTED', 'WON', 'WAITLISTED')
                where o.edition_id = ?1
                group by o.id, a.name_en, o.day, o.capacity
                order by count(b.id) desc, o.id""").setParameter(1, e.id).getResultList();
        List<BallotOverview.OfferDemand> demand = new ArrayList<>();
        for (Object[] r : demandRows) {
            demand.add(new BallotOverview.OfferDemand(((Number) r[0]).longValue(), (String) r[1],
                    r[2] instanceof LocalDate d ? d : ((java.sql.Date) r[2]).toLocalDate(), ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue()));
        }
        boolean drawn = !em.createNativeQuery("select 1 from ballot_draw where edition_id = ?1 and drawn_at is not null")
                .setParameter(1, e.id).getResultList().isEmpty();
        return new BallotOverview(e.id, applications, persons, count(counts, "WITHDRAWN"), count(counts, "DISQUALIFIED"),
                e.applicationOpenAt(now), drawn, demand, duplicates(e.id));
    }

    private static int count(Map<String, Number> counts, String status) {
        Number n = counts.get(status);
        return n == null ? 0 : n.intValue();
    }

    /** Applications (withdrawn ones aside) sharing a normalised name and postcode, or an email address up to aliases. */
    private List<BallotOverview.DuplicateGroup> duplicates(long editionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, draw_id, holder_username, holder_name, holder_postcode, holder_email, status, disqualified_reason
                from ballot_application where edition_id = ?1 and status <> 'WITHDRAWN' order by id""")
                .setParameter(1, editionId).getResultList();
        Map<String, List<BallotOverview.Applicant>> byName = new TreeMap<>();
        Map<String, List<BallotOverview.Applicant>> byEmail = new TreeMap<>();
        for (Object[] r : rows) {
            var applicant = new BallotOverview.Applicant(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7]);
            String name = normaliseName(applicant.name());
            if (name != null && applicant.postcode() != null) {
                byName.computeIfAbsent(name + " | " + applicant.postcode().replace(" ", "").toUpperCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(applicant);
            }
            String email = normaliseEmail(applicant.email());
            if (email != null) {
                byEmail.computeIfAbsent(email, k -> new ArrayList<>()).add(applicant);
            }
        }
        List<BallotOverview.DuplicateGroup> groups = new ArrayList<>();
        byName.forEach((k, v) -> {
            if (v.size() > 1) {
                groups.add(new BallotOverview.DuplicateGroup("NAME_POSTCODE", k, v));
            }
        });
        byEmail.forEach((k, v) -> {
            if (v.size() > 1) {
                groups.add(new BallotOverview.DuplicateGroup("EMAIL", k, v));
            }
        });
        return groups;
    }

    /** Lower case, accents, punctuation and repeated spaces removed; the words sorted ("Jean DUPONT" = "dupont jean"). */
    static String normaliseName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return plain.isEmpty() ? null : String.join(" ", java.util.Arrays.stream(plain.split(" ")).sorted().toList());
    }

    /** Case ignored; "+tag" dropped; for Gmail, dots in the local part too (googlemail.com is gmail.com). */
    static String normaliseEmail(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String lower = email.trim().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            local = local.replace(".", "");
        }
        return local + "@" + domain;
    }

    @Transactional
    public BallotOverview.Applicant disqualify(String organiser, long editionId, long applicationId, String reason) {
        Edition e = ballots.ballotEdition(editionId);
        ballots.holdWindow(e);
        Instant now = clock.instant();
        if (!now.isBefore(e.applicationClosesAt)) {
            throw ProblemType.APPLICATION_WINDOW_CLOSED.exception("Disqualifications ended when the application window closed at "
                    + e.applicationClosesAt + ": none can be made to steer the draw.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update ballot_application set status = 'DISQUALIFIED', disqualified_reason = ?1, disqualified_by = ?2,
                       disqualified_at = ?3, updated_at = now()
                where id = ?4 and edition_id = ?5 and status = 'SUBMITTED'
                returning id, draw_id, holder_username, holder_name, holder_postcode, holder_email, status, disqualified_reason""")
                .setParameter(1, reason.trim()).setParameter(2, organiser).setParameter(3, now).setParameter(4, applicationId)
                .setParameter(5, e.id).getResultList();
        if (rows.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<String> status = em.createNativeQuery("select status from ballot_application where id = ?1 and edition_id = ?2")
                    .setParameter(1, applicationId).setParameter(2, e.id).getResultList();
            if (status.isEmpty()) {
                throw ProblemType.NOT_FOUND.exception("Application " + applicationId + " does not exist in " + e.name + ".");
            }
            throw ProblemType.CONFLICT.exception("Application " + applicationId + " is " + status.get(0).toLowerCase(Locale.ROOT)
                    + ": only a submitted application can be disqualified.");
        }
        Object[] r = rows.get(0);
        audit.record(organiser, "ballot.disqualify", "ballot_application", applicationId,
                Map.of("edition", e.id, "drawId", r[1], "username", String.valueOf(r[2]), "reason", reason.trim()));
        return new BallotOverview.Applicant(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7]);
    }

    /**
     * The draw, once: the ballot_draw row (made when the snapshot froze) is locked, so concurrent calls
     * queue and all but the first find it drawn. Tickets and application results are written in this
     * transaction, and the offers whose waiting lists are to be written when first needed; the result
     * mails are owed from then on (ballot_outcome.result_mailed_at) and go once it has committed
     * ({@link BallotResultMails}).
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 600)
    public DrawReport draw(String organiser, long editionId, String publicValue) {
        Edition e = ballots.ballotEdition(editionId);
        Instant now = clock.instant();
        if (!e.applicationClosedAt(now)) {
            throw ProblemType.DRAW_TOO_EARLY.exception("The application window of " + e.name + " closes at " + e.applicationClosesAt
                    + "; the draw can only be made after it.");
        }
        // the API's 30 s statement guard (application.properties) is for requests; a draw of 200,000
        // applications writes hundreds of thousands of rows in one statement
        em.createNativeQuery("set local statement_timeout = '10min'").executeUpdate();
        // the freshly bulk-loaded tables' statistics are stale, and their guessed costs switch JIT compilation
        // on for statements it does not pay back (0.2-1 s each, more under load)
        em.createNativeQuery("set local jit = off").executeUpdate();
        long t0 = System.nanoTime();
        // built now if no earlier request froze it: then the draw runs on the object just stored, not on a re-read
        java.util.Optional<BallotService.Built> built = ballots.freezeIfNeeded(e);
        long tFrozen = System.nanoTime();
        Object[] row = (Object[]) em.createNativeQuery(
                "select snapshot_hash, drawn_at from ballot_draw where edition_id = ?1 for update")
                .setParameter(1, e.id).getSingleResult();
        if (row[1] != null) {
            em.flush();
            throw ProblemType.ALREADY_DRAWN.exception("The ballot of " + e.name + " was drawn at " + BallotService.instant(row[1])
                    + "; a draw is made once.").draw(ballots.report(editionId));
        }
        String snapshotHash = (String) row[0];
        // frozen by this call, or at the window's close on this instance (still in memory), or else read back
        BallotSnapshot snapshot = built.isPresent() ? built.get().snapshot()
                : ballots.frozenHere(e.id, snapshotHash).orElseGet(() -> ballots.parse((String) em.createNativeQuery(
                        "select snapshot_json from ballot_draw where edition_id = ?1").setParameter(1, e.id).getSingleResult()));
        long tParsed = System.nanoTime();
        DrawResult result = BallotDraw.draw(snapshot, java.util.HexFormat.of().parseHex(snapshotHash), e.ballotSeed, publicValue);
        long tDrawn = System.nanoTime();

        @SuppressWarnings("unchecked")
        List<Object[]> applicantRows = em.createNativeQuery("""
                select a.draw_id, a.id, a.holder_subject, a.holder_username, a.holder_name, a.holder_first_name, a.holder_postcode,
                       a.holder_territory_id, a.party_size, a.holder_email, a.holder_language, t.code
                from ballot_application a left join territory t on t.id = a.holder_territory_id
                where a.edition_id = ?1 and a.status = 'SUBMITTED'""").setParameter(1, e.id).getResultList();
        Map<String, Object[]> applicants = new HashMap<>();
        applicantRows.forEach(r -> applicants.put((String) r[0], r));
        if (applicants.size() != snapshot.applications().size()) {
            throw ProblemType.CONFLICT.exception("The applications no longer match the snapshot frozen when the window closed;"
                    + " nothing was drawn.");
        }

        long tApplicants = System.nanoTime();
        List<TicketService.Award> awards = new ArrayList<>();
        List<DrawResult.Outcome> won = new ArrayList<>();
        for (DrawResult.Outcome o : result.outcomes()) {
            if (o.offer() != null) {
                Object[] a = applicants.get(o.id());
                awards.add(new TicketService.Award(o.offer(), e.id, (String) a[2], (String) a[3], (String) a[4], (String) a[5],
                        (String) a[6], a[7] == null ? null : ((Number) a[7]).longValue(), ((Number) a[8]).intValue(),
                        (String) a[9], (String) a[10]));
                won.add(o);
            }
        }
        List<Long> ticketIds = tickets.issueAll(awards, now);
        long tTickets = System.nanoTime();

        // results of the applications: one narrow row each in ballot_outcome (V27), one statement, in
        // application id order so that the foreign-key checks and the primary key walk forwards
        int n = result.outcomes().size();
        Map<String, Long> ticketByDrawId = new HashMap<>();
        for (int i = 0; i < won.size(); i++) {
            ticketByDrawId.put(won.get(i).id(), ticketIds.get(i));
        }
        DrawResult.Outcome[] byApplication = result.outcomes().toArray(DrawResult.Outcome[]::new);
        java.util.Arrays.sort(byApplication, java.util.Comparator.comparingLong(o -> ((Number) applicants.get(o.id())[1]).longValue()));
        Long[] ids = new Long[n];
        Integer[] positions = new Integer[n];
        Long[] offers = new Long[n];
        Long[] ticketsOf = new Long[n];
        for (int i = 0; i < n; i++) {
            DrawResult.Outcome o = byApplication[i];
            ids[i] = ((Number) applicants.get(o.id())[1]).longValue();
            positions[i] = o.position();
            offers[i] = o.offer();
            ticketsOf[i] = ticketByDrawId.get(o.id());
        }
        em.createNativeQuery("""
                insert into ballot_outcome (application_id, edition_id, position, won_offer_id, ticket_id)
                select u.id, ?5, u.position, u.offer, u.ticket
                from unnest(cast(?1 as bigint[]), cast(?2 as int[]), cast(?3 as bigint[]), cast(?4 as bigint[])) u(id, position, offer, ticket)""")
                .setParameter(1, ids).setParameter(2, positions).setParameter(3, offers).setParameter(4, ticketsOf).setParameter(5, e.id)
                .executeUpdate();

        long tResults = System.nanoTime();

        // waiting lists: not written here (V26). They follow from the draw (the losers that chose each offer,
        // in position order), so each is written the first time it is needed (WaitlistService.writeBallotList);
        // the draw only marks the offers with a non-empty list, in this transaction, so that a crash leaves
        // neither results nor pending lists.
        int entries = result.waitingLists().stream().mapToInt(l -> l.queue().size()).sum();
        Long[] pendingOffers = result.waitingLists().stream().filter(l -> !l.queue().isEmpty()).map(DrawResult.WaitingList::offer)
                .sorted().toArray(Long[]::new);
        em.createNativeQuery("""
                insert into ballot_waitlist_pending (offer_id, edition_id) select u.offer, ?2 from unnest(cast(?1 as bigint[])) u(offer)""")
                .setParameter(1, pendingOffers).setParameter(2, e.id).executeUpdate();

        long tWaiting = System.nanoTime();
        DrawReport.Figures figures = figures(e.id, snapshot, result);
        // the published result file, built once: its bytes are both stored and hashed
        String resultJson = result.canonicalJson();
        String resultHash = java.util.HexFormat.of().formatHex(DrawGenerator.sha256().digest(resultJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            em.createNativeQuery("""
                    update ballot_draw set algorithm = ?1, public_value = ?2, result_json = ?3, result_hash = ?4,
                           report = cast(?5 as jsonb), drawn_at = ?6, drawn_by = ?7 where edition_id = ?8""")
                    .setParameter(1, result.algorithm()).setParameter(2, publicValue).setParameter(3, resultJson)
                    .setParameter(4, resultHash).setParameter(5, json.writeValueAsString(figures)).setParameter(6, now)
                    .setParameter(7, organiser).setParameter(8, e.id).executeUpdate();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        audit.record(organiser, "ballot.draw", "edition", e.id, Map.of("publicValue", publicValue, "resultHash", resultHash,
                "snapshotHash", snapshotHash, "winners", figures.winners()));
        em.flush();
        long tReport = System.nanoTime();
        DrawReport report = ballots.report(editionId);
        long tReread = System.nanoTime();
        LOG.infof("ballot draw of edition %d: %d applications, %d winners, %d waiting-list places (lists written when first needed); snapshot %d ms, snapshot read %d ms,"
                + " draw %d ms, applicants %d ms, tickets %d ms, results %d ms, waiting lists %d ms, result file and report %d ms,"
                + " report read %d ms", e.id, n, awards.size(), entries, ms(t0, tFrozen), ms(tFrozen, tParsed),
                ms(tParsed, tDrawn), ms(tDrawn, tApplicants), ms(tApplicants, tTickets), ms(tTickets, tResults), ms(tResults, tWaiting),
                ms(tWaiting, tReport), ms(tReport, tReread));
        return report;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private DrawReport.Figures figures(long editionId, BallotSnapshot snapshot, DrawResult result) {
        Map<String, BallotSnapshot.Application> byId = new HashMap<>();
        snapshot.applications().forEach(a -> byId.put(a.id(), a));
        int persons = 0;
        int winners = 0;
        int personsWon = 0;
        Map<String, int[]> territories = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (DrawResult.Outcome o : result.outcomes()) {
            BallotSnapshot.Application a = byId.get(o.id());
            persons += a.party();
            int[] t = territories.computeIfAbsent(a.territory(), k -> new int[2]);
            t[0]++;
            if (o.offer() != null) {
                winners++;
                personsWon += a.party();
                t[1]++;
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> reasons = em.createNativeQuery("""
                select disqualified_reason, count(*) from ballot_application where edition_id = ?1 and status = 'DISQUALIFIED'
                group by disqualified_reason order by count(*) desc, disqualified_reason""").setParameter(1, editionId).getResultList();
        int disqualified = reasons.stream().mapToInt(r -> ((Number) r[1]).intValue()).sum();
        int withdrawn = ((Number) em.createNativeQuery(
                "select count(*) from ballot_application where edition_id = ?1 and status = 'WITHDRAWN'")
                .setParameter(1, editionId).getSingleResult()).intValue();
        List<DrawReport.TerritoryOdds> odds = new ArrayList<>();
        territories.forEach((code, t) -> odds.add(new DrawReport.TerritoryOdds(code, t[0], t[1], t[0] == 0 ? 0 : (double) t[1] / t[0])));
        return new DrawReport.Figures(result.outcomes().size(), persons, winners, personsWon, result.outcomes().size() - winners,
                withdrawn, disqualified, reasons.stream().map(r -> new DrawReport.ReasonCount((String) r[0], ((Number) r[1]).intValue())).toList(),
                odds);
    }
}
