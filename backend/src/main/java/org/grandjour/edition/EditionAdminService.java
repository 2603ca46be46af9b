package org.grandjour.edition;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.ballot.DrawGenerator;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.common.TimeZones;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;

/** Organisers set up editions: days, claim window, limits and territories; every change goes to the audit log. */
@ApplicationScoped
@Transactional
public class EditionAdminService {
    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    AuditLog audit;
    @Inject
    EditionService editions;

    public EditionView create(String actor, EditionInput in) {
        if (Edition.findBySlug(in.slug()) != null) {
            throw ProblemType.ALREADY_EXISTS.exception("An edition with slug '" + in.slug() + "' already exists.");
        }
        Edition e = new Edition();
        apply(e, in);
        e.persist();
        applyBallot(e, in, false);
        audit.record(actor, "edition.create", "edition", e.id, Map.of("slug", in.slug()));
        // a new edition has no offers yet: they get their allowance as they are created
        return editions.view(e);
    }

    public EditionView update(String actor, long id, EditionInput in) {
        Edition e = editions.get(id);
        Edition sameSlug = Edition.findBySlug(in.slug());
        if (sameSlug != null && !sameSlug.id.equals(id)) {
            throw ProblemType.ALREADY_EXISTS.exception("Another edition has slug '" + in.slug() + "'.");
        }
        long outside = Offer.count("edition.id = ?1 and (day < ?2 or day > ?3)", id, in.firstDay(), in.lastDay());
        if (outside > 0) {
            throw ProblemException.invalidField("firstDay", outside + " offers fall outside these days: move or remove them first");
        }
        boolean applied = Edition.getEntityManager().createNativeQuery(
                "select 1 from ballot_application where edition_id = ?1 limit 1").setParameter(1, id).getResultList().size() > 0;
        if (applied) {
            lockedOnceApplied(e, in);
        }
        apply(e, in);
        applyBallot(e, in, true);
        audit.record(actor, "edition.update", "edition", id, Map.of("slug", in.slug()));
        return editions.view(e);
    }

    /** Once anyone has applied, the rules they applied under stay: mode, window, choices, shares. */
    private static void lockedOnceApplied(Edition e, EditionInput in) {
        String mode = in.allocationMode() == null ? Edition.FIRST_COME : in.allocationMode();
        List<String> changed = new ArrayList<>();
        if (!mode.equals(e.allocationMode)) {
            changed.add("allocationMode");
        }
        if (!Objects.equals(micros(in.applicationOpensAt()), micros(e.applicationOpensAt))) {
            changed.add("applicationOpensAt");
        }
        if (!Objects.equals(micros(in.applicationClosesAt()), micros(e.applicationClosesAt))) {
            changed.add("applicationClosesAt");
        }
        if ((in.maxChoices() == null ? 5 : in.maxChoices()) != e.maxChoices) {
            changed.add("maxChoices");
        }
        if (!sharesOf(in).equals(EditionService.shares(e.id).stream()
                .collect(Collectors.toMap(EditionView.ShareView::territory, EditionView.ShareView::percent)))) {
            changed.add("territoryShares");
        }
        if (!changed.isEmpty()) {
            throw ProblemType.BALLOT_SETTINGS_LOCKED.exception("Residents have applied already: "
                    + String.join(", ", changed) + " can no longer change.");
        }
    }

    /** As PostgreSQL stores an instant. */
    private static java.time.Instant micros(java.time.Instant i) {
        return i == null ? null : i.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Map<String, Integer> sharesOf(EditionInput in) {
        Map<String, Integer> shares = new TreeMap<>();
        if (in.territoryShares() != null) {
            for (EditionInput.TerritoryShare s : in.territoryShares()) {
                if (shares.put(s.territory(), s.percent()) != null) {
                    throw ProblemException.invalidField("territoryShares", "territory " + s.territory() + " twice");
                }
            }
        }
        return shares;
    }

    /** The ballot settings; a new ballot gets its secret seed and the seed's commitment. */
    private static void applyBallot(Edition e, EditionInput in, boolean update) {
        String mode = in.allocationMode() == null ? Edition.FIRST_COME : in.allocationMode();
        Map<String, Integer> shares = sharesOf(in);
        if (Edition.BALLOT.equals(mode)) {
            if (in.applicationOpensAt() == null || in.applicationClosesAt() == null || in.drawAt() == null) {
                throw ProblemException.invalidField("applicationOpensAt", "a ballot needs applicationOpensAt, applicationClosesAt and drawAt");
            }
            if (!in.applicationClosesAt().isAfter(in.applicationOpensAt())) {
                throw ProblemException.invalidField("applicationClosesAt", "must be after applicationOpensAt");
            }
            if (in.drawAt().isBefore(in.applicationClosesAt())) {
                throw ProblemException.invalidField("drawAt", "must not be before applicationClosesAt");
            }
            int total = shares.values().stream().mapToInt(Integer::intValue).sum();
            if (total > 100) {
                throw ProblemException.invalidField("territoryShares", "add up to " + total + "%, more than 100%");
            }
            for (String code : shares.keySet()) {
                if (e.territories.stream().noneMatch(t -> t.code.equals(code))) {
                    throw ProblemException.invalidField("territoryShares", "territory " + code + " does not take part in the edition");
                }
            }
            if (e.ballotSeed == null) {
                byte[] seed = new byte[32];
                SEEDS.nextBytes(seed);
                e.ballotSeed = seed;
                e.ballotCommitment = DrawGenerator.commitment(seed);
            }
            e.applicationOpensAt = micros(in.applicationOpensAt());
            e.applicationClosesAt = micros(in.applicationClosesAt());
            e.drawAt = micros(in.drawAt());
            e.publicValueSource = in.publicValueSource();
        } else {
            if (!shares.isEmpty()) {
                throw ProblemException.invalidField("territoryShares", "only a BALLOT edition has territory shares");
            }
            e.applicationOpensAt = null;
            e.applicationClosesAt = null;
            e.drawAt = null;
            e.publicValueSource = null;
            e.ballotSeed = null;
            e.ballotCommitment = null;
        }
        e.allocationMode = mode;
        e.maxChoices = in.maxChoices() == null ? 5 : in.maxChoices();
        var em = Edition.getEntityManager();
        em.flush(); // the edition's territories first: a share references them
        if (update) {
            em.createNativeQuery("delete from edition_territory_share where edition_id = ?1").setParameter(1, e.id).executeUpdate();
        }
        for (var share : shares.entrySet()) {
            em.createNativeQuery("""
                    insert into edition_territory_share (edition_id, territory_id, percent)
                    select ?1, id, ?3 from territory where code = ?2""")
                    .setParameter(1, e.id).setParameter(2, share.getKey()).setParameter(3, share.getValue()).executeUpdate();
        }
    }

    /** Both or neither, 0 to 30 days: checked here so that every mistake is one 422 problem type. */
    private static void applyConfirmationDeadline(Edition e, EditionInput in) {
        if ((in.confirmDaysBefore() == null) != (in.confirmAtTime() == null)) {
            throw ProblemType.INVALID_CONFIRMATION_DEADLINE.exception(
                    "confirmDaysBefore and confirmAtTime go together: give both for a deadline, neither for none.");
        }
        if (in.confirmDaysBefore() != null && (in.confirmDaysBefore() < 0 || in.confirmDaysBefore() > 30)) {
            throw ProblemType.INVALID_CONFIRMATION_DEADLINE.exception("confirmDaysBefore must be 0 to 30 days, not " + in.confirmDaysBefore() + ".");
        }
        e.confirmDaysBefore = in.confirmDaysBefore();
        e.confirmAtTime = in.confirmAtTime() == null ? null : in.confirmAtTime().withNano(0);
    }

    private static void apply(Edition e, EditionInput in) {
        TimeZones.require("timeZone", in.timeZone());
        if (in.lastDay().isBefore(in.firstDay())) {
            throw ProblemException.invalidField("lastDay", "must not be before firstDay");
        }
        if (!in.claimClosesAt().isAfter(in.claimOpensAt())) {
            throw ProblemException.invalidField("claimClosesAt", "must be after claimOpensAt");
        }
        e.slug = in.slug();
        e.name = in.name();
        e.nameEn = in.nameEn() == null || in.nameEn().isBlank() ? null : in.nameEn().strip();
        e.timeZone = in.timeZone();
        e.firstDay = in.firstDay();
        e.lastDay = in.lastDay();
        e.claimOpensAt = in.claimOpensAt();
        e.claimClosesAt = in.claimClosesAt();
        e.maxTicketsPerResident = in.maxTicketsPerResident();
        e.maxPartySize = in.maxPartySize();
        e.walkUpMinutes = in.walkUpMinutes();
        applyConfirmationDeadline(e, in);
        if (in.overbookingRisk() != null) {
            org.grandjour.overbooking.OverbookingService.checkRisk(in.overbookingRisk());
        }
        e.overbookingRisk = in.overbookingRisk();
        e.territories.clear();
        for (String code : in.territories()) {
            Territory t = Territory.findByCode(code);
            if (t == null) {
                throw ProblemException.invalidField("territories", "unknown territory '" + code + "'");
            }
            e.territories.add(t);
        }
    }
}
