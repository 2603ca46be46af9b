package org.grandjour.bench;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Residents claiming as they would on opening day: each takes a party of 1 to 4 to an offer they do
 * not yet know to be fully booked; told "only n left", they come back for n; told "fully booked",
 * they try another offer (three tries in all). Some resend a claim that succeeded with the same
 * Idempotency-Key, as a phone does when the answer is lost: it must not make a second ticket.
 */
final class ClaimRush {
    static final String SOLD_OUT = "sold-out";
    private static final int TRIES = 3;
    private static final double RESEND_RATE = 0.05;

    final Results.Scenario results;
    final LongAdder tickets = new LongAdder();
    final LongAdder persons = new LongAdder();
    private final List<Long> offers;
    private final List<String> residentTokens;
    private final int maxPartySize;
    private final Queue<String> admissionsToScan;
    private final AtomicInteger nextResident = new AtomicInteger();
    private final Set<Long> soldOut = ConcurrentHashMap.newKeySet();

    ClaimRush(String name, List<Long> offers, List<String> residentTokens, int maxPartySize, Queue<String> admissionsToScan) {
        this.results = Results.scenario(name);
        this.offers = offers;
        this.residentTokens = residentTokens;
        this.maxPartySize = maxPartySize;
        this.admissionsToScan = admissionsToScan;
    }

    List<Long> offers() {
        return offers;
    }

    /** Residents are left and some offer is not known to be fully booked. */
    boolean going() {
        return soldOut.size() < offers.size() && nextResident.get() < residentTokens.size();
    }

    Session nextResident(Session session) {
        int i = nextResident.getAndIncrement();
        if (i >= residentTokens.size()) {
            return session.remove("offerId");
        }
        Session s = session.set("token", residentTokens.get(i)).set("tries", 0);
        return claimAt(s, chooseOffer(), 1 + ThreadLocalRandom.current().nextInt(maxPartySize));
    }

    Session afterClaim(Session session) {
        int status = Sessions.integer(session, "status");
        long rt = Sessions.integer(session, "rt");
        String type = Sessions.problemType(session);
        long offer = session.getLong("offerId");
        int party = session.getInt("party");
        if (session.getBoolean("resend")) {
            String outcome = status == 200 ? "200 replayed, no second ticket" : Sessions.outcome(status, type);
            results.record("claim, resent with the same key", rt, outcome);
            if (status != 200) {
                results.unexpected(outcome);
            }
            return Sessions.clear(session).remove("offerId");
        }
        results.record("claim", rt, status == 201 ? "201 claimed" : Sessions.outcome(status, type));
        if (status != 201 && !(status == 409 && SOLD_OUT.equals(type))) {
            results.unexpected(Sessions.outcome(status, type));
        }
        Session s = Sessions.clear(session);
        if (status == 201) {
            tickets.increment();
            persons.add(party);
            if (admissionsToScan != null) {
                admissionsToScan.add(session.getString("payload"));
            }
            return ThreadLocalRandom.current().nextDouble() < RESEND_RATE
                    ? s.set("resend", true).set("request", "claim, resent with the same key")
                    : s.remove("offerId");
        }
        int tries = session.getInt("tries") + 1;
        if (status != 409 || !SOLD_OUT.equals(type) || tries >= TRIES) {
            return s.remove("offerId");
        }
        s = s.set("tries", tries);
        int left = Sessions.integer(session, "remaining");
        if (left > 0) {
            return claimAt(s, offer, Math.min(left, party));
        }
        soldOut.add(offer);
        return claimAt(s, chooseOffer(), party);
    }

    private Session claimAt(Session s, Long offer, int party) {
        if (offer == null) {
            return s.remove("offerId");
        }
        return s.set("offerId", offer).set("party", party).set("key", UUID.randomUUID().toString())
                .set("resend", false).set("request", "claim");
    }

    private Long chooseOffer() {
        List<Long> open = offers.stream().filter(o -> !soldOut.contains(o)).toList();
        return open.isEmpty() ? null : open.get(ThreadLocalRandom.current().nextInt(open.size()));
    }
}
