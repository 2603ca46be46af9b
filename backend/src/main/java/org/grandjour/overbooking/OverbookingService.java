package org.grandjour.overbooking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferQuota;

/**
 * Overbooking allowances (organiser opt-in per edition, adjustable per offer). Comparable history is the
 * same attraction's offers in earlier editions (days before this edition's first day): per day, the
 * parties booked (live tickets) and those that showed (a person admitted); the dispersion is pooled over
 * every attraction of those editions ({@link HistoryFit}). An offer with fewer than
 * {@value #MIN_HISTORY_PARTIES} parties of history is never overbooked.
 * <p>
 * The allowance lives in the offer's quota slices with its capacity: changing it moves the slices as a
 * capacity change does (offer row, then every slice in slice order), never below what is booked.
 */
@ApplicationScoped
public class OverbookingService {
    /** Fewer parties than this say too little about an attraction's show rate. */
    public static final int MIN_HISTORY_PARTIES = 30;

    @Inject
    EntityManager em;
    @Inject
    OfferQuota quota;
    @Inject
    org.grandjour.waitlist.WaitlistService waitlists;
    @Inject
    Clock clock;

    /** An attraction's comparable history: its show rate, the dispersion the model uses, the parties seen and their sizes. */
    public record History(double showRate, double betweenDays, double dispersion, long parties, double[] partySizes) {
    }

    /** The risk (a fraction) that applies to an offer, or null when it is not to be overbooked. */
    static Double riskOf(Offer o) {
        BigDecimal percent = switch (o.overbookingMode) {
            case Offer.OVERBOOK_OFF -> null;
            case Offer.OVERBOOK_CUSTOM -> o.overbookingRisk;
            default -> o.edition.overbookingRisk;
        };
        return percent == null ? null : percent.doubleValue() / 100;
    }

    /**
     * Sets an offer's overbooking choice (mode EDITION, OFF or CUSTOM with a risk in percent) and recomputes
     * its allowance; 422 overbooking-without-history when an own risk is asked for an offer without history.
     */
    public void choose(Offer o, String mode, BigDecimal riskPercent) {
        if (mode == null) {
            return; // unchanged
        }
        if (Offer.OVERBOOK_CUSTOM.equals(mode)) {
            checkRisk(riskPercent);
            if (history(o) == null) {
                throw ProblemType.OVERBOOKING_WITHOUT_HISTORY.exception(o.attraction.nameEn + " has no comparable history (fewer than "
                        + MIN_HISTORY_PARTIES + " parties in earlier editions): its no-shows cannot be estimated, it is not overbooked.");
            }
        } else if (riskPercent != null) {
            throw ProblemType.INVALID_OVERBOOKING_RISK.exception("overbookingRisk goes with overbooking CUSTOM only.");
        }
        o.overbookingMode = mode;
        o.overbookingRisk = Offer.OVERBOOK_CUSTOM.equals(mode) ? riskPercent : null;
    }

    /** A risk in percent, above 0 and at most 20. */
    public static void checkRisk(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(20)) > 0 || percent.scale() > 2) {
            throw ProblemType.INVALID_OVERBOOKING_RISK.exception("An overbooking risk is a percentage above 0 and at most 20 "
                    + "(two decimals at most), not " + percent + ".");
        }
    }

    /**
     * What the model says for an offer as it is: its history (null: none), the risk that applies, the persons
     * already certain (confirmed or admitted) and the allowance wanted.
     */
    public record Plan(int capacity, History history, Double risk, int certain, int askedPersons, double unconfirmedRate, int wanted, int safe) {
    }

    /**
     * The model's allowance for an offer (reads history and confirmations; takes no lock): the slow part, kept
     * out of locking transactions. Confirmed parties (and those already in) are counted as coming. The
     * holders who were asked (their ticket is at least {@value #ASKED_HOURS} hours older than the doors'
     * opening: the reminders reached them) and did not confirm come less often than the history's show rate
     * p: if the confirmed share c of those parties all come, the others come at u = (p − c) / (1 − c), so that
     * all of them together still come at p; p is taken at its upper bound (two standard errors), so that
     * chance in the history does not make u too small. Everyone else, and the places still to hand out, come
     * at p. The model bounds the risk over the places left open by the confirmed ones.
     */
    public Plan plan(Offer o) {
        History h = history(o);
        Double risk = riskOf(o);
        Holders holders = holders(o);
        int certain = holders.certainPersons();
        int open = o.capacity - certain;
        int wanted = 0;
        int safe = 0;
        double u = h == null ? 0 : h.showRate();
        if (h != null && risk != null && open > 0) {
            double p = h.showRate();
            double pHigh = Math.min(0.999, p + 2 * Math.sqrt(Math.max(0, h.dispersion() - h.betweenDays()) * p * (1 - p)));
            long asked = holders.confirmedParties() + holders.askedParties();
            double c = asked == 0 ? 0 : (double) holders.confirmedParties() / asked;
            u = c >= 1 ? 0 : Math.max(0, Math.min(p, (pHigh - c) / (1 - c)));
            // every unconfirmed holder at p: what stays safe even if all the asked release and their places go to
            // people who come at p (the release keeps the allowance at or under this, see apply)
            safe = OverbookingModel.allowance(open, risk, p, h.dispersion(), h.partySizes(), Math.min(o.capacity, maxExtra(open, p))).extra();
            wanted = safe;
            if (u < p && holders.askedPersons() > 0) {
                int pool = poolLimit(open, holders.askedPersons(), u, p, h.dispersion(), h.partySizes(), risk, 2 * o.capacity - certain);
                wanted = Math.max(safe, Math.min(o.capacity, certain + pool - o.capacity));
            }
        }
        return new Plan(o.capacity, h, risk, certain, holders.askedPersons(), u, wanted, safe);
    }

    /** Tickets this many hours older than the doors' opening have had the reminders (a day before, at the latest). */
    static final int ASKED_HOURS = 24;

    /** An offer's live holders: persons certain to come, and the parties and persons asked who did not confirm. */
    record Holders(int certainPersons, long confirmedParties, long askedParties, int askedPersons) {
    }

    Holders holders(Offer o) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select coalesce(sum(party_size) filter (where confirmed_at is not null or persons_admitted > 0), 0),
                       count(*) filter (where confirmed_at is not null or persons_admitted > 0),
                       count(*) filter (where confirmed_at is null and persons_admitted = 0 and created_at <= ?2),
                       coalesce(sum(party_size) filter (where confirmed_at is null and persons_admitted = 0 and created_at <= ?2), 0)
                from ticket where offer_id = ?1 and status = 'ACTIVE'""")
                .setParameter(1, o.id).setParameter(2, o.opensInstant().minus(java.time.Duration.ofHours(ASKED_HOURS))).getSingleResult();
        return new Holders(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).intValue());
    }

    /**
     * The most persons the pool beyond the certain ones may hold (the asked holders who did not confirm, then
     * anyone) for P(arrivals > open) ≤ alpha: the asked come at {@code u}, the others at {@code p}, taken as one
     * pool at their blended rate (parties coming at different rates spread less than at one rate, their mean:
     * the bound errs on the safe side). At least the asked persons (they hold their tickets).
     */
    static int poolLimit(int open, int askedPersons, double u, double p, double dispersion, double[] partySizes, double alpha, int maxPool) {
        int ok = askedPersons;
        int over = Math.max(askedPersons, maxPool) + 1;
        while (over - ok > 1) {
            int mid = (ok + over) >>> 1;
            if (poolRisk(open, mid, askedPersons, u, p, dispersion, partySizes) > alpha) {
                over = mid;
            } else {
                ok = mid;
            }
        }
        return ok;
    }

    /** P(arrivals > open) for a pool of {@code pool} persons, {@code asked} of them coming at u, the rest at p. */
    static double poolRisk(int open, int pool, int asked, double u, double p, double dispersion, double[] partySizes) {
        if (pool <= open) {
            return 0;
        }
        double rate = Math.max(0.001, Math.min(0.999, (u * asked + p * (pool - asked)) / pool));
        double risk = OverbookingModel.overflowRisk(open, pool, rate, dispersion, partySizes);
        return Double.isNaN(risk) ? 0 : risk;
    }

    /**
     * P(more persons arrive than the capacity) when {@code handedOut} places are booked, as the plan sees its
     * holders (the certain ones, the asked who did not confirm at its rate u, the others at p). 0 when nothing
     * is beyond the capacity, 1 when the certain ones alone fill it and more are booked.
     */
    static double overflowRisk(int handedOut, Plan plan) {
        if (handedOut <= plan.capacity()) {
            return 0;
        }
        if (plan.certain() >= plan.capacity()) {
            return 1;
        }
        History h = plan.history();
        return poolRisk(plan.capacity() - plan.certain(), handedOut - plan.certain(), Math.min(plan.askedPersons(), handedOut - plan.certain()),
                plan.unconfirmedRate(), h.showRate(), h.dispersion(), h.partySizes());
    }

    /**
     * Recomputes an offer's allowance from its capacity and risk and moves its quota slices, in the caller's
     * transaction (which has locked the offer's row). Returns the new allowance.
     */
    public int recompute(Offer o) {
        return apply(o, plan(o), clock.instant());
    }

    /**
     * Sets an offer's allowance as planned, in the caller's transaction (offer row locked by the caller):
     * every slice locked, then the places moved by the difference, never below what is booked (those
     * tickets stand; the risk shown is then the one they leave).
     */
    int apply(Offer o, Plan plan, java.time.Instant now) {
        History h = plan.history();
        List<OfferQuota.SliceRow> slices = quota.lockAll(o.id);
        int places = OfferQuota.placesIn(slices);
        int booked = o.capacity + o.overbookingAllowance - places;
        int allowance = Math.min(o.capacity, Math.max(plan.wanted(), booked - o.capacity));
        // the history gone (the edition's days moved?) while tickets beyond capacity stand: the offer keeps the
        // inputs they were handed out on, as the schema asks (no allowance without history)
        boolean keepInputs = h == null && allowance > 0 && o.overbookingHistoryParties != null;
        if (!keepInputs) {
            o.overbookingShowRate = h == null ? null : h.showRate();
            o.overbookingDispersion = h == null ? null : h.dispersion();
            o.overbookingHistoryParties = h == null ? null : (int) Math.min(Integer.MAX_VALUE, h.parties());
        }
        int newPlaces = o.capacity + allowance - booked;
        int before = o.overbookingAllowance;
        if (allowance != before) {
            quota.set(o.id, spread(Math.max(0, newPlaces), slices.size()));
        }
        o.overbookingAllowance = allowance;
        // a release shrinks the allowance down to what stays safe whoever gets the place next (see plan)
        o.overbookingTarget = Math.min(allowance, plan.safe());
        o.overbookingCertainPersons = plan.certain();
        if (h == null) {
            o.overbookingOverflowRisk = keepInputs ? o.overbookingOverflowRisk : null;
        } else {
            o.overbookingOverflowRisk = overflowRisk(o.capacity + allowance, plan);
        }
        em.flush();
        if (allowance > before && newPlaces > 0) {
            waitlists.refill(o.id, now); // the new places go to whoever waits first
        }
        return allowance;
    }

    /**
     * Every offer of an edition, after its risk changed: each offer planned without locks, then applied in a
     * short transaction of its own (its row and slices locked for a moment, as a capacity change does), so
     * claims are never held up for the whole edition's computation. Runs outside any transaction.
     */
    public void recomputeEdition(long editionId) {
        recomputeEach(ids("select id from offer where edition_id = ?1 order by id", editionId), clock.instant());
    }

    /**
     * The offers from {@code firstDay} on whose allowance may change as confirmations come in (those that
     * follow a risk and have history, or still hold places beyond capacity), each recomputed as {@link #recomputeEdition} does. Run by
     * {@link OverbookingJob}; outside any transaction.
     */
    public void recomputeUpcoming(LocalDate firstDay) {
        recomputeUpcoming(firstDay, clock.instant());
    }

    /** As {@link #recomputeUpcoming(LocalDate)}, with places that come free refilled as of {@code now} (the demo's replays). */
    public void recomputeUpcoming(LocalDate firstDay, java.time.Instant now) {
        recomputeEach(ids("""
                select o.id from offer o join edition e on e.id = o.edition_id
                where o.day >= ?1 and o.overbooking_history_parties is not null
                  and (o.overbooking_allowance > 0 or o.overbooking_mode = 'CUSTOM'
                       or (o.overbooking_mode = 'EDITION' and e.overbooking_risk is not null))
                order by o.id""", firstDay), now);
    }

    private List<Long> ids(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, parameter).getResultList().stream()
                .map(n -> ((Number) n).longValue()).toList());
    }

    private void recomputeEach(List<Long> ids, java.time.Instant now) {
        for (long id : ids) {
            Plan plan = QuarkusTransaction.requiringNew().call(() -> plan(em.find(Offer.class, id)));
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select id from offer where id = ?1 for no key update").setParameter(1, id).getResultList();
                Offer o = em.find(Offer.class, id);
                // changed meanwhile (a capacity change has recomputed it under its lock, or more confirmed): plan
                // again, now locked
                boolean same = o.capacity == plan.capacity() && java.util.Objects.equals(riskOf(o), plan.risk())
                        && holders(o).certainPersons() == plan.certain();
                apply(o, same ? plan : plan(o), now);
            });
        }
    }

    /** Whether an offer of the edition holds places beyond capacity (or was computed for a risk). */
    public boolean anyAllowance(long editionId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from offer where edition_id = ?1 and (overbooking_allowance > 0 or overbooking_overflow_risk > 0) limit 1")
                .setParameter(1, editionId).getResultList().isEmpty());
    }

    /** Beyond capacity / show rate, more persons are expected than the capacity: the risk is over 50% there. */
    static int maxExtra(int capacity, double showRate) {
        return Math.min(capacity, (int) Math.ceil(capacity / showRate) - capacity + 2);
    }

    /** The comparable history of an offer's attraction, or null when there is too little. */
    public History history(Offer o) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.attraction_id, o.id, count(*), count(*) filter (where t.persons_admitted > 0)
                from ticket t join offer o on o.id = t.offer_id join edition e on e.id = o.edition_id
                where t.status = 'ACTIVE'
                  and e.id in (select distinct he.id from edition he join offer ho on ho.edition_id = he.id
                               where ho.attraction_id = ?1 and he.last_day < ?2)
                group by o.attraction_id, o.id""")
                .setParameter(1, o.attraction.id).setParameter(2, o.edition.firstDay).getResultList();
        Map<Long, List<HistoryFit.Day>> byAttraction = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long attraction = ((Number) r[0]).longValue();
            byAttraction.computeIfAbsent(attraction, k -> new ArrayList<>())
                    .add(new HistoryFit.Day(attraction, ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        List<HistoryFit.Day> own = byAttraction.getOrDefault(o.attraction.id, List.of());
        long parties = own.stream().mapToLong(HistoryFit.Day::parties).sum();
        if (parties < MIN_HISTORY_PARTIES || !(HistoryFit.showRate(own) > 0 && HistoryFit.showRate(own) < 1)) {
            return null;
        }
        double between = HistoryFit.dispersion(byAttraction);
        HistoryFit.Estimate estimate = HistoryFit.estimate(own, byAttraction, between);
        return new History(estimate.showRate(), between, HistoryFit.dispersionFor(between, estimate.uncertainty()), parties, partySizes(o));
    }

    /** The attraction's party sizes in its history (index = persons). */
    private double[] partySizes(Offer o) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.party_size, count(*) from ticket t join offer o on o.id = t.offer_id join edition e on e.id = o.edition_id
                where o.attraction_id = ?1 and e.last_day < ?2 and t.status = 'ACTIVE' group by t.party_size""")
                .setParameter(1, o.attraction.id).setParameter(2, o.edition.firstDay).getResultList();
        int largest = rows.stream().mapToInt(r -> ((Number) r[0]).intValue()).max().orElse(1);
        double[] f = new double[largest + 1];
        rows.forEach(r -> f[((Number) r[0]).intValue()] = ((Number) r[1]).doubleValue());
        return f;
    }

    private static List<OfferQuota.SliceRow> spread(int places, int count) {
        return IntStream.range(0, count).mapToObj(i -> new OfferQuota.SliceRow(i, places / count + (i < places % count ? 1 : 0))).toList();
    }
}
