package org.grandjour.bench;

import io.gatling.javaapi.core.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Door devices at one attraction, each taking the next ticket of the queue: one scan in ten is a
 * re-scan of a ticket already in (it must be refused), one in fifty is sent again with the same scan
 * id as a device does after a lost answer (it must get the first verdict back and count once).
 * While the devices work, the dashboard probe measures how long a scan takes to show.
 */
final class DoorRush {
    private static final double RESCAN_RATE = 0.10;
    private static final double RESEND_RATE = 0.02;

    final Results.Scenario results;
    final LongAdder scansSent = new LongAdder();
    final LongAdder personsAdmitted = new LongAdder();
    final LongAdder admissions = new LongAdder();
    private final Queue<String> tickets;
    private final List<String> admitted = Collections.synchronizedList(new ArrayList<>());
    private final List<String> staffTokens;
    private final Supplier<SseProbe> probe;
    private final AtomicBoolean probeStarted = new AtomicBoolean();
    private final AtomicInteger working = new AtomicInteger();
    private volatile SseProbe running;

    DoorRush(String name, Queue<String> tickets, List<String> staffTokens, Supplier<SseProbe> probe) {
        this.results = Results.scenario(name);
        this.tickets = tickets;
        this.staffTokens = staffTokens;
        this.probe = probe;
    }

    Session begin(Session session) {
        working.incrementAndGet();
        if (probeStarted.compareAndSet(false, true)) {
            running = probe.get().start();
        }
        int device = (int) (session.userId() % staffTokens.size());
        return next(session.set("token", staffTokens.get(device)).set("device", "door-" + (device + 1)));
    }

    Session afterScan(Session session) {
        int status = Sessions.integer(session, "status");
        long rt = Sessions.integer(session, "rt");
        String verdict = session.contains("verdict") ? session.getString("verdict") : null;
        String kind = session.getString("kind");
        String outcome = status == 200 ? verdict : Sessions.outcome(status, Sessions.problemType(session));
        Session s = Sessions.clear(session);
        if ("resend".equals(kind)) {
            results.record("scan, resent with the same scan id", rt, outcome + " (replayed)");
            if (!session.getString("firstVerdict").equals(outcome)) { // a replay gives the first verdict back
                results.unexpected(outcome + " on a resent scan first answered " + session.getString("firstVerdict"));
            }
            return next(s);
        }
        scansSent.increment();
        boolean rescan = "rescan".equals(kind);
        results.record("scan", rt, rescan ? outcome + " (re-scan)" : outcome);
        if (!(rescan ? "ALREADY_USED" : "ADMITTED").equals(outcome)) {
            results.unexpected(outcome + (rescan ? " on a re-scan" : " on a first scan"));
        }
        if ("ADMITTED".equals(verdict)) {
            admissions.increment();
            personsAdmitted.add(Sessions.integer(session, "admitted"));
            admitted.add(session.getString("code"));
        }
        if (ThreadLocalRandom.current().nextDouble() < RESEND_RATE) {
            return s.set("kind", "resend").set("firstVerdict", outcome).set("request", "scan, resent with the same scan id");
        }
        return next(s);
    }

    Session finish(Session session) {
        if (working.decrementAndGet() == 0 && running != null) {
            try {
                running.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return session;
    }

    private Session next(Session s) {
        String code;
        String kind;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < RESCAN_RATE && !admitted.isEmpty()) {
            synchronized (admitted) {
                code = admitted.get(random.nextInt(admitted.size()));
            }
            kind = "rescan";
        } else {
            code = tickets.poll();
            kind = "first";
        }
        if (code == null) {
            return s.remove("code");
        }
        return s.set("code", code).set("kind", kind).set("scanId", UUID.randomUUID().toString())
                .set("scannedAt", Instant.now().toString()).set("request", "scan");
    }
}
