package org.grandjour.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.grandjour.common.ProblemException;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.resident.Resident;
import org.grandjour.scan.ScanRequest;
import org.grandjour.scan.ScanResult;
import org.grandjour.scan.ScanService;
import org.grandjour.ticket.ClaimOutcome;
import org.grandjour.ticket.ClaimRequest;
import org.grandjour.ticket.TicketService;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Replays a believable Grand Jour 2010 through the same service code as the live system: residents of
 * the three territories claim until every entry is handed out (most of it in the first days), then
 * about 70% of the persons booked come through the doors, with morning and afternoon peaks, a few
 * re-scans and unreadable codes. Seeded, so every run gives the same weekend.
 */
@ApplicationScoped
public class Simulation2010 {
    private static final Logger LOG = Logger.getLogger(Simulation2010.class);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The door staff account of the replays' scans. */
    static final String DOOR_STAFF = "demo-door-2010";
    static final double SHOW_UP = 0.70;

    @Inject
    TicketService tickets;
    @Inject
    ScanService scans;
    @Inject
    jakarta.persistence.EntityManager em;

    record Claimed(long id, String payload, long attractionId, LocalDate day, int partySize) {
    }

    public void run(Edition edition) {
        long started = System.nanoTime();
        Random random = new Random(2010);
        List<Offer> offers = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>list(
                "select o from Offer o join fetch o.attraction a join fetch a.territory where o.edition.id = ?1 order by o.id", edition.id));
        int[] remaining = offers.stream().mapToInt(o -> o.remaining).toArray();
        int left = java.util.Arrays.stream(remaining).sum();
        List<Claimed> claimed = new ArrayList<>();
        Instant opens = edition.claimOpensAt;
        int resident = 0;
        while (left > 0) {
            resident++;
            String postcode = postcode(random);
            int wanted = 1 + random.nextInt(3);
            for (int k = 0; k < wanted && left > 0; k++) {
                int i = pick(offers, remaining, postcode, random);
                int party = Math.min(partySize(random), remaining[i]);
                // demand exceeded supply: the first days took almost everything
                Instant at = opens.plus(Duration.ofMinutes((long) (-Math.log(1 - random.nextDouble() * 0.999) * 60 * 24 * 2)));
                Resident r = new Resident("sim-2010-" + resident, "sim2010-" + resident, "Résident " + resident,
                        firstNames[random.nextInt(firstNames.length)], postcode, List.of("resident"),
                        null, null); // no mailbox: the replay sends no mail
                Instant when = at.isBefore(edition.claimClosesAt) ? at : edition.claimClosesAt.minusSeconds(60);
                int offer = i;
                try {
                    ClaimOutcome outcome = demoTransaction(() -> tickets.claim(r, new ClaimRequest(offers.get(offer).id, party), null, when));
                    remaining[i] -= party;
                    left -= party;
                    claimed.add(new Claimed(outcome.ticket().id(), outcome.ticket().qrPayload(), offers.get(i).attraction.id,
                            offers.get(i).day, party));
                } catch (ProblemException refused) {
                    // one ticket per offer and resident: this resident tries elsewhere
                }
            }
        }
        int admitted = 0;
        for (Claimed t : claimed) {
            if (random.nextDouble() >= SHOW_UP) {
                continue; // a no-show
            }
            Instant at = arrival(t.day(), random);
            int persons = random.nextDouble() < 0.06 && t.partySize() > 1 ? t.partySize() - 1 : t.partySize();
            admitted += scan(t.payload(), t.attractionId(), at, persons == t.partySize() ? null : persons).personsAdmittedNow();
            if (random.nextDouble() < 0.03) { // the same QR shown again further down the queue
                scan(t.payload(), t.attractionId(), at.plusSeconds(40 + random.nextInt(300)), null);
            }
            if (random.nextDouble() < 0.005) { // a screenshot too blurred to read
                scan("GJ1.unreadable", t.attractionId(), at.minusSeconds(20), null);
            }
        }
        LOG.infof("Demo: replayed Grand Jour 2010 (%d tickets, %d persons admitted) in %d s", claimed.size(), admitted,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    ScanResult scan(String code, long attractionId, Instant at, Integer persons) {
        return demoTransaction(() -> scans.scanAt(DOOR_STAFF, new ScanRequest(code, attractionId, "door-" + attractionId, UUID.randomUUID(), at, persons,
                null), at));
    }

    /** A whole party's scan at {@code at}, in the caller's transaction. */
    ScanResult scanInCallersTransaction(String code, long attractionId, Instant at) {
        return scans.scanAt(DOOR_STAFF, new ScanRequest(code, attractionId, "door-" + attractionId, UUID.randomUUID(), at, null, null), at);
    }

    /**
     * The services run in a transaction of ours (they join it) that does not wait for the disk at
     * commit: demo data can be rebuilt, and the replay takes seconds instead of minutes.
     */
    <T> T demoTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local synchronous_commit = off").executeUpdate();
            return work.call();
        });
    }

    static final String[] firstNames = {"Camille", "Léa", "Hugo", "Louis", "Manon", "Lucas", "Chloé", "Jules", "Emma",
            "Nathan", "Oliver", "Amelia", "George", "Isla", "Harry", "Sophie", "Thomas", "Jack", "Alice", "Arthur"};

    /** Where residents live: the report's two départements and Kent. */
    static String postcode(Random random) {
        double r = random.nextDouble();
        if (r < 0.45) {
            return "62" + String.format("%03d", random.nextInt(1000));
        }
        if (r < 0.75) {
            return "59" + String.format("%03d", random.nextInt(1000));
        }
        String[] areas = {"CT", "ME", "TN", "DA", "BR"};
        return areas[random.nextInt(areas.length)] + (1 + random.nextInt(20)) + " " + random.nextInt(10)
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    static int partySize(Random random) {
        double r = random.nextDouble();
        return r < 0.2 ? 1 : r < 0.6 ? 2 : r < 0.8 ? 3 : r < 0.95 ? 4 : 5 + random.nextInt(2);
    }

    /** Mostly near home, sometimes across the Channel; weighted by what is left. */
    private static int pick(List<Offer> offers, int[] remaining, String postcode, Random random) {
        boolean stayHome = random.nextDouble() < 0.8;
        String home = postcode.startsWith("62") ? "FR-62" : postcode.startsWith("59") ? "FR-59" : "GB-KEN";
        long total = 0;
        for (int i = 0; i < offers.size(); i++) {
            total += weight(offers.get(i), remaining[i], home, stayHome);
        }
        if (total == 0) { // home is sold out: anywhere
            return pick(offers, remaining, postcode.startsWith("62") ? "CT1 1AA" : "62000", random);
        }
        long target = (long) (random.nextDouble() * total);
        for (int i = 0; i < offers.size(); i++) {
            target -= weight(offers.get(i), remaining[i], home, stayHome);
            if (target < 0) {
                return i;
            }
        }
        return offers.size() - 1;
    }

    private static long weight(Offer o, int remaining, String home, boolean stayHome) {
        return stayHome && !o.attraction.territory.code.equals(home) ? 0 : remaining;
    }

    /** Doors open 10:00 to 18:00, busiest late morning and mid-afternoon. */
    static Instant arrival(LocalDate day, Random random) {
        double hour;
        do { // drawn again outside opening hours, so no crowd piles up at the doors' opening or closing time
            hour = random.nextDouble() < 0.45 ? 11.2 + random.nextGaussian() * 0.9 : 14.8 + random.nextGaussian() * 1.2;
        } while (hour < 10 || hour >= 18);
        return day.atTime(10, 0).atZone(PARIS).toInstant().plusSeconds((long) ((hour - 10) * 3600));
    }
}
