package org.grandjour.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.overbooking.OverbookingService;
import org.grandjour.resident.Resident;
import org.grandjour.scan.ScanResult;
import org.grandjour.ticket.ClaimRequest;
import org.grandjour.ticket.TicketService;
import org.grandjour.ticket.TicketSigner;
import org.grandjour.waitlist.WaitlistService;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The 2010 weekend again, through the same services as the live system, with what Grand Jour now has:
 * an edition twin of 2010 (same attractions and places, overbooking at its risk from the 2010 replay's
 * no-shows). Residents ask for more than the places ({@code demandFactor}); those who find an offer sold
 * out join its waiting list. The day before each day, those who will come confirm (answering the
 * reminder), the allowance is recomputed from the confirmations, and a share ({@code releaseShare}) of
 * those who will not come release their places, which the lists refill at once. At the doors, parties
 * come whole with 2010's show rate, in arrival order; a full door is counted, never admitted beyond
 * capacity. Seeded: the same weekend every run.
 */
@ApplicationScoped
public class Replay2010WithTools {
    private static final Logger LOG = Logger.getLogger(Replay2010WithTools.class);
    private static final int BATCH = 100;

    @Inject
    Simulation2010 simulation;
    @Inject
    TicketService tickets;
    @Inject
    WaitlistService waitlists;
    @Inject
    OverbookingService overbooking;
    @Inject
    TicketSigner signer;
    @Inject
    EntityManager em;

    /** What the weekend gave, in persons, read back from the database. */
    public record Outcome(long offered, long used, long released, long refilled, long stillWaiting, long doorFull, long offerDays,
                          long doorFullOfferDays) {
        public double usedShare() {
            return offered == 0 ? 0 : (double) used / offered;
        }
    }

    private record Holder(Resident resident, long ticketId, long offerId, long attractionId, LocalDate day, int partySize) {
    }

    public Outcome run(Edition twin, double demandFactor, double releaseShare) {
        long started = System.nanoTime();
        Random random = new Random(2010);
        overbooking.recomputeEdition(twin.id); // allowances from the 2010 replay's no-shows
        List<Offer> offers = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>list(
                "select o from Offer o join fetch o.attraction a join fetch a.territory where o.edition.id = ?1 order by o.id", twin.id));
        long offered = offers.stream().mapToLong(o -> o.capacity).sum();

        // claims, or the waiting list of a sold-out offer, until the persons asking reach the demand
        Map<Long, Resident> residents = new HashMap<>();
        Set<Long> soldOut = new HashSet<>();
        long asked = 0;
        for (long n = 1; asked < demandFactor * offered; n++) {
            String postcode = Simulation2010.postcode(random);
            Resident r = new Resident("sim-2010-tools-" + twin.id + "-" + n, "sim2010tools-" + n, "Résident " + n,
                    Simulation2010.firstNames[random.nextInt(Simulation2010.firstNames.length)], postcode, List.of("resident"),
                    null, null); // no mailbox: the replay sends no mail
            residents.put(n, r);
            Instant at = twin.claimOpensAt.plus(Duration.ofMinutes((long) (-Math.log(1 - random.nextDouble() * 0.999) * 60 * 24 * 2)));
            Instant when = at.isBefore(twin.claimClosesAt) ? at : twin.claimClosesAt.minusSeconds(60);
            int wanted = 1 + random.nextInt(3);
            Set<Long> tried = new HashSet<>();
            for (int k = 0; k < wanted; k++) {
                Offer o = pick(offers, postcode, random);
                int party = Simulation2010.partySize(random);
                if (!tried.add(o.id)) {
                    continue;
                }
                asked += party;
                if (claim(r, o, party, when) == ProblemType.SOLD_OUT) {
                    soldOut.add(o.id);
                    try {
                        simulation.demoTransaction(() -> waitlists.join(r, o.id, party, when));
                    } catch (ProblemException notJoined) {
                        // over the resident's limits: as a real resident, gives up on it
                    }
                    // and, as in 2010, takes something else that still has places (demand exceeded supply: all went)
                    Offer instead = pickWithPlaces(offers, soldOut, postcode, random);
                    if (instead != null && tried.add(instead.id) && claim(r, instead, party, when) == ProblemType.SOLD_OUT) {
                        soldOut.add(instead.id);
                    }
                }
            }
        }

        long doorFull = 0;
        for (LocalDate day = twin.firstDay; !day.isAfter(twin.lastDay); day = day.plusDays(1)) {
            doorFull += day(twin, day, residents, releaseShare, random);
        }
        Outcome outcome = outcome(twin.id, offered, doorFull);
        LOG.infof("Demo: replayed Grand Jour 2010 with waiting lists, reminders and overbooking in %d s: %d of %d entries used "
                + "(%.1f %%), %d persons released, %d refilled from the lists, %d still waiting, %d door-full scans on %d of %d offer-days",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), outcome.used(), outcome.offered(), 100 * outcome.usedShare(),
                outcome.released(), outcome.refilled(), outcome.stillWaiting(), outcome.doorFull(), outcome.doorFullOfferDays(), outcome.offerDays());
        return outcome;
    }

    /** One day: the eve's confirmations, allowances and releases (refilled at once), then the doors. Returns its door-full scans. */
    private long day(Edition twin, LocalDate day, Map<Long, Resident> residents, double releaseShare, Random random) {
        Instant eve = day.minusDays(1).atTime(12, 0).atZone(Simulation2010.PARIS).toInstant();
        Set<Long> seen = new HashSet<>();
        Set<Long> comers = new HashSet<>();
        List<Holder> confirming = new ArrayList<>();
        List<Holder> stayAway = new ArrayList<>();
        for (Holder h : holders(twin.id, day, residents, Set.of())) {
            seen.add(h.ticketId());
            if (random.nextDouble() < Simulation2010.SHOW_UP) {
                comers.add(h.ticketId());
                confirming.add(h);
            } else if (random.nextDouble() < releaseShare) {
                stayAway.add(h);
            }
        }
        inBatches(confirming, h -> tickets.confirm(h.resident(), h.ticketId(), eve));
        overbooking.recomputeUpcoming(day, eve); // the allowances follow the confirmations
        for (Holder h : stayAway) {
            simulation.demoTransaction(() -> {
                tickets.cancel(h.resident(), h.ticketId(), eve.plusSeconds(60)); // the list refills at once
                return null;
            });
        }
        overbooking.recomputeUpcoming(day, eve.plusSeconds(120)); // as the job does every minute, with the releases known
        // the tickets the lists gave since: their holders come as often as anyone
        for (Holder h : holders(twin.id, day, residents, seen)) {
            if (random.nextDouble() < Simulation2010.SHOW_UP) {
                comers.add(h.ticketId());
            }
        }
        long doorFull = 0;
        record Arrival(Holder holder, Instant at) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (Holder h : holders(twin.id, day, residents, Set.of())) {
            if (comers.contains(h.ticketId())) {
                arrivals.add(new Arrival(h, Simulation2010.arrival(day, random)));
            }
        }
        arrivals.sort(Comparator.comparing(Arrival::at));
        List<ScanResult> results = new ArrayList<>();
        inBatches(arrivals, a -> {
            Holder h = a.holder();
            String payload = signer.sign(new TicketSigner.TicketClaims(h.ticketId(), h.offerId(), h.attractionId(), h.day(), h.partySize()));
            results.add(simulation.scanInCallersTransaction(payload, h.attractionId(), a.at()));
        });
        for (ScanResult result : results) {
            if ("DOOR_FULL".equals(result.verdict().name())) {
                doorFull++;
            }
        }
        return doorFull;
    }

    /**
     * Runs {@code step} for each item, {@value #BATCH} to a transaction (the services join it): confirmations and
     * scans never fail as a whole, and one commit per batch instead of per item makes the replay several times faster.
     */
    private <T> void inBatches(List<T> items, java.util.function.Consumer<T> step) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<T> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            simulation.demoTransaction(() -> {
                batch.forEach(step);
                return null;
            });
        }
    }

    /** The day's live tickets of the twin (but those in {@code except}), in ticket order. */
    @SuppressWarnings("unchecked")
    private List<Holder> holders(long twinId, LocalDate day, Map<Long, Resident> residents, Set<Long> except) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select t.id, t.offer_id, o.attraction_id, t.party_size, t.holder_subject from ticket t join offer o on o.id = t.offer_id
                where t.edition_id = ?1 and o.day = ?2 and t.status = 'ACTIVE' order by t.id""")
                .setParameter(1, twinId).setParameter(2, day).getResultList());
        String prefix = "sim-2010-tools-" + twinId + "-";
        List<Holder> holders = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            String subject = (String) r[4];
            if (except.contains(id) || !subject.startsWith(prefix)) {
                continue;
            }
            Resident resident = residents.get(Long.parseLong(subject.substring(prefix.length())));
            holders.add(new Holder(resident, id, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), day, ((Number) r[3]).intValue()));
        }
        return holders;
    }

    private Outcome outcome(long twinId, long offered, long doorFull) {
        Object[] r = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select (select coalesce(sum(least(a.admitted, o.capacity)), 0) from offer o
                          join (select offer_id, sum(persons_admitted) as admitted from ticket group by offer_id) a on a.offer_id = o.id
                         where o.edition_id = ?1),
                       (select coalesce(sum(party_size), 0) from ticket where edition_id = ?1 and status = 'CANCELLED' and released_via = 'APP'),
                       (select coalesce(sum(t.party_size), 0) from waitlist_entry w join ticket t on t.id = w.ticket_id
                         join offer o on o.id = w.offer_id where o.edition_id = ?1 and w.status = 'SERVED'),
                       (select coalesce(sum(w.party_size), 0) from waitlist_entry w join offer o on o.id = w.offer_id
                         where o.edition_id = ?1 and w.status = 'WAITING'),
                       (select count(*) from offer where edition_id = ?1 and capacity > 0),
                       (select count(distinct t.offer_id) from scan s join ticket t on t.id = s.ticket_id
                         where t.edition_id = ?1 and s.verdict = 'DOOR_FULL')""")
                .setParameter(1, twinId).getSingleResult());
        return new Outcome(offered, ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), doorFull, ((Number) r[4]).longValue(), ((Number) r[5]).longValue());
    }

    /** A claim at {@code when}; null when it went through, else why it was refused. */
    private ProblemType claim(Resident r, Offer o, int party, Instant when) {
        try {
            simulation.demoTransaction(() -> tickets.claim(r, new ClaimRequest(o.id, party), null, when));
            return null;
        } catch (ProblemException refused) {
            return refused.type();
        }
    }

    /** An offer not known to be sold out, near home when there is one, weighted by its places; null when none is left. */
    private static Offer pickWithPlaces(List<Offer> offers, Set<Long> soldOut, String postcode, Random random) {
        List<Offer> open = offers.stream().filter(o -> !soldOut.contains(o.id)).toList();
        return open.isEmpty() ? null : pick(open, postcode, random);
    }

    /** Mostly an offer of home's territory, weighted by its places (a sold-out one too: its list is joined). */
    private static Offer pick(List<Offer> offers, String postcode, Random random) {
        String home = postcode.startsWith("62") ? "FR-62" : postcode.startsWith("59") ? "FR-59" : "GB-KEN";
        boolean stayHome = random.nextDouble() < 0.8;
        long total = 0;
        for (Offer o : offers) {
            total += stayHome && !o.attraction.territory.code.equals(home) ? 0 : o.capacity;
        }
        if (total == 0) {
            stayHome = false;
            total = offers.stream().mapToLong(o -> o.capacity).sum();
        }
        long target = (long) (random.nextDouble() * total);
        for (Offer o : offers) {
            target -= stayHome && !o.attraction.territory.code.equals(home) ? 0 : o.capacity;
            if (target < 0) {
                return o;
            }
        }
        return offers.get(offers.size() - 1);
    }
}
