package org.grandjour.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The mails owed after a commit (V28 mail_outbox), durable: {@link Mails#sendAfterCommit} writes the row in
 * the caller's transaction, so a mail exists iff its change committed; it is sent right after the commit
 * (on a thread of its own: the request does not wait for the mail server) and, if that did not happen
 * (backend killed, server down), every {@code grandjour.mail.outbox-every} on any instance (off in tests,
 * which call {@link #sendOwed()}). Each batch is locked (SKIP LOCKED: runs and instances share the work),
 * each mail marked sent as it goes, the batch committed: a backend killed inside a batch resends at most
 * that batch's mails. A failed mail stays owed with a growing delay, and the run stops (server down).
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    /** Small: bounds the mails resent after a kill inside a batch. */
    static final int BATCH = 25;
    /** How long a mail the server keeps refusing is tried again (then given up, kept for operators). */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /** A batch commits after this long even if not done: its transaction stays well inside the 60 s timeout. */
    private static final long BATCH_MILLIS = 20_000;

    @Inject
    EntityManager em;
    @Inject
    Mailer mailer;

    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /** Owes a mail, in the caller's transaction (joins it: written iff it commits). */
    void enqueue(String to, String key, String subject, String body) {
        em.createNativeQuery("insert into mail_outbox (recipient, mail_key, subject, body) values (?1, ?2, ?3, ?4)")
                .unwrap(NativeQuery.class)
                // touches mail_outbox only: no early flush of the caller's entities (they flush at commit, as before)
                .addSynchronizedQuerySpace("mail_outbox")
                .setParameter(1, to).setParameter(2, key).setParameter(3, subject).setParameter(4, body).executeUpdate();
    }

    /**
     * After a commit that owes mails: a run soon, on the outbox thread. At most one run waits at a time
     * (with the server down, a burst of commits does not queue a timeout each); a run takes every due mail.
     */
    void sendSoon() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false); // mails owed from now on need another run
                try {
                    sendOwed();
                } catch (RuntimeException e) {
                    LOG.error("mail outbox: the run stopped; the next one sends what is still owed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            queued.set(false); // shutting down: the rows stay owed, the job (here or elsewhere) sends them
        }
    }

    @Scheduled(identity = "mail-outbox", every = "${grandjour.mail.outbox-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendOwed();
        // sent and given-up mails are kept a while for operators, then go (they hold names and ticket links)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from mail_outbox where sent_at < now() - interval '30 days'"
                        + " or (sent_at is null and next_attempt_at = 'infinity' and created_at < now() - interval '30 days')").executeUpdate());
    }

    /** Sends the owed mails that are due; returns how many went. Runs may overlap (threads, instances). */
    public int sendOwed() {
        return sendOwed(Duration.ZERO);
    }

    /** Also sends those whose retry falls within {@code early} from now (tests: no waiting out the backoff). */
    public int sendOwed(Duration early) {
        int sent = 0;
        while (true) {
            Batch b = QuarkusTransaction.requiringNew().call(() -> sendBatch(early));
            sent += b.sent();
            if (b.failed() || (b.claimed() < BATCH && !b.cut())) {
                return sent;
            }
        }
    }

    /** What a batch did: rows claimed, mails sent, a send failed, stopped early for time (rows left claimable). */
    record Batch(int claimed, int sent, boolean failed, boolean cut) {
    }

    private Batch sendBatch(Duration early) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, recipient, subject, body, attempts from mail_outbox
                where sent_at is null and next_attempt_at <= now() + cast(?1 as double precision) * interval '1 millisecond'
                order by next_attempt_at, id limit ?2 for update skip locked""")
                .setParameter(1, early.toMillis()).setParameter(2, BATCH).getResultList();
        long start = System.currentTimeMillis();
        int sent = 0;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            try {
                mailer.send(Mail.withText((String) r[1], (String) r[2], (String) r[3]));
            } catch (RuntimeException e) {
                int attempts = ((Number) r[4]).intValue() + 1;
                // 30 s, 1 min, 2 min ... then hourly, for GIVE_UP_AFTER: what it tells (a place served, a ticket
                // released) is over by then. Given up, it stays (attempts, last_error) for operators, never due again.
                boolean givenUp = (Boolean) em.createNativeQuery("""
                        update mail_outbox set attempts = attempts + 1, last_error = left(?2, 1000),
                               next_attempt_at = case when created_at < now() - cast(?3 as double precision) * interval '1 millisecond'
                                   then 'infinity'::timestamptz
                                   else now() + least(interval '1 hour', interval '30 seconds' * power(2, least(attempts, 7))) end
                        where id = ?1 returning next_attempt_at = 'infinity'""")
                        .setParameter(1, id).setParameter(2, String.valueOf(e)).setParameter(3, GIVE_UP_AFTER.toMillis())
                        .getSingleResult();
                if (givenUp) {
                    LOG.errorf("mail %d to %s given up after %d attempts over %s: %s", id, r[1], attempts, GIVE_UP_AFTER, e.getMessage());
                } else {
                    LOG.warnf("mail %d to %s not sent (attempt %d), owed until a later run: %s", id, r[1], attempts, e.getMessage());
                }
                return new Batch(rows.size(), sent, true, false);
            }
            // marked as it goes (clock_timestamp: when it went), committed with the batch
            em.createNativeQuery("update mail_outbox set sent_at = clock_timestamp() where id = ?1")
                    .setParameter(1, id).executeUpdate();
            sent++;
            if (System.currentTimeMillis() - start > BATCH_MILLIS && sent < rows.size()) {
                return new Batch(rows.size(), sent, false, true);
            }
        }
        return new Batch(rows.size(), sent, false, false);
    }
}
