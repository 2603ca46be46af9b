package org.grandjour.ballot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grandjour.edition.Edition;
import org.grandjour.mail.Mails;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The ballot's result mails, durable: the database knows which are owed (ballot_outcome.result_mailed_at
 * null, V27), so a backend stopped after the draw sends the rest when it (or another instance) runs this
 * again. Runs right after a draw has committed, and every {@code grandjour.ballot.result-mails-every}
 * (off in tests, which call {@link #sendOwed()}). Each batch is locked (SKIP LOCKED: instances share the
 * work), sent, marked and committed: a backend killed inside a batch resends at most that batch's mails.
 * A mail that fails (server down) stays owed and the run stops, to try again at the next one.
 */
@ApplicationScoped
public class BallotResultMails {
    private static final Logger LOG = Logger.getLogger(BallotResultMails.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;
    @Inject
    Mails mails;
    @Inject
    BallotService ballots;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ballot-result-mails");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /** One result mail: to whom, in which language, which text and its arguments. */
    record ResultMail(String to, String language, String key, Object[] args) {
    }

    /** After a draw has committed: its mails go now, on a thread of their own (the organiser does not wait). */
    public void sendSoon() {
        worker.submit(() -> {
            try {
                sendOwed();
            } catch (RuntimeException ex) {
                LOG.error("ballot result mails: the run stopped; the next one sends what is still owed", ex);
            }
        });
    }

    @Scheduled(identity = "ballot-result-mails", every = "${grandjour.ballot.result-mails-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendOwed();
    }

    /** Sends every owed result mail of every drawn edition; returns how many went. One run at a time per instance. */
    public synchronized int sendOwed() {
        @SuppressWarnings("unchecked")
        List<Long> editions = QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "select edition_id from ballot_draw where drawn_at is not null and result_mails_done_at is null order by edition_id")
                .getResultList()).stream().map(Number::longValue).toList());
        int sent = 0;
        for (long editionId : editions) {
            sent += sendOwed(editionId);
        }
        return sent;
    }

    private int sendOwed(long editionId) {
        Map<Long, ResultMail> owed = QuarkusTransaction.requiringNew().call(() -> owed(editionId));
        int sent = 0;
        List<Long> ids = new ArrayList<>(owed.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            int[] result = QuarkusTransaction.requiringNew().call(() -> sendBatch(batch, owed));
            sent += result[0];
            if (result[1] > 0) {
                LOG.warnf("ballot result mails of edition %d: the mail server failed; %d mails still owed, sent at the next run",
                        editionId, ids.size() - from - result[0]);
                return sent;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update ballot_draw set result_mails_done_at = now() where edition_id = ?1 and result_mails_done_at is null
                and not exists (select 1 from ballot_outcome where edition_id = ?1 and result_mailed_at is null)""")
                .setParameter(1, editionId).executeUpdate());
        if (sent > 0) {
            LOG.infof("ballot result mails of edition %d: %d sent", editionId, sent);
        }
        return sent;
    }

    /** {sent, failed}: the batch's owed applications not taken by another run are sent and marked. */
    private int[] sendBatch(List<Long> batch, Map<Long, ResultMail> byApplication) {
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery("""
                select application_id from ballot_outcome where application_id = any(cast(?1 as bigint[])) and result_mailed_at is null
                order by application_id for update skip locked""").setParameter(1, batch.toArray(Long[]::new)).getResultList();
        List<Long> done = new ArrayList<>();
        int sent = 0;
        int failed = 0;
        for (Number n : locked) {
            ResultMail m = byApplication.get(n.longValue());
            if (mails.trySend(m.to(), m.language(), m.key(), m.args())) {
                done.add(n.longValue());
                sent++;
            } else {
                failed++;
                break;
            }
        }
        em.createNativeQuery("update ballot_outcome set result_mailed_at = now() where application_id = any(cast(?1 as bigint[]))")
                .setParameter(1, done.toArray(Long[]::new)).executeUpdate();
        return new int[] {sent, failed};
    }

    /** The owed mails of an edition by application id, written from the draw's outcomes (outcomes without an address settled first). */
    @SuppressWarnings("unchecked")
    private Map<Long, ResultMail> owed(long editionId) {
        Edition e = ballots.ballotEdition(editionId);
        String nameFr = e.names().fr();
        String nameEn = e.names().en();
        Map<Long, Object[]> offers = new HashMap<>();
        em.createNativeQuery("select o.id, a.name_fr, a.name_en, o.day from offer o join attraction a on a.id = o.attraction_id where o.edition_id = ?1")
                .setParameter(1, editionId).getResultList().forEach(r -> offers.put(((Number) ((Object[]) r)[0]).longValue(), (Object[]) r));
        // no address, no mail: settled at once, in one statement (not batch by batch)
        em.createNativeQuery("""
                update ballot_outcome o set result_mailed_at = now() from ballot_application a
                where a.id = o.application_id and o.edition_id = ?1 and o.result_mailed_at is null
                  and (a.holder_email is null or btrim(a.holder_email) = '')""").setParameter(1, editionId).executeUpdate();
        // the owed applications, in position order: 0 id, 1 draw id, 2 username, 3 name, 4 first name, 5 party,
        // 6 email, 7 language, 8 position, 9 won offer, 10 ticket
        List<Object[]> owed = em.createNativeQuery("""
                select a.id, a.draw_id, a.holder_username, a.holder_name, a.holder_first_name, a.party_size, a.holder_email,
                       a.holder_language, o.position, o.won_offer_id, o.ticket_id
                from ballot_outcome o join ballot_application a on a.id = o.application_id
                where o.edition_id = ?1 and o.result_mailed_at is null order by o.position""").setParameter(1, editionId).getResultList();
        Map<Long, ResultMail> out = new LinkedHashMap<>();
        if (owed.isEmpty()) {
            return out;
        }
        // the losers' places on each list they wait on: the draw's waiting lists (losers that chose the offer, by position)
        Map<Long, List<String>> waiting = new HashMap<>();
        Map<Long, Object[]> owedLosers = new HashMap<>();
        owed.stream().filter(r -> r[9] == null).forEach(r -> owedLosers.put(((Number) r[0]).longValue(), r));
        if (!owedLosers.isEmpty()) {
            List<Object[]> lists = em.createNativeQuery("""
                    select c.offer_id, c.application_id from ballot_choice c
                    join ballot_outcome o on o.application_id = c.application_id and o.won_offer_id is null
                    where o.edition_id = ?1 order by c.offer_id, o.position""").setParameter(1, editionId).getResultList();
            long offer = -1;
            int place = 0;
            for (Object[] l : lists) {
                long o = ((Number) l[0]).longValue();
                place = o == offer ? place + 1 : 1;
                offer = o;
                Object[] a = owedLosers.get(((Number) l[1]).longValue());
                if (a != null) {
                    Object[] of = offers.get(o);
                    String name = (String) ("fr".equals(a[7]) ? of[1] : of[2]);
                    waiting.computeIfAbsent(((Number) a[0]).longValue(), k -> new ArrayList<>()).add(name + " (" + of[3] + "): " + place);
                }
            }
        }
        for (Object[] a : owed) {
            long id = ((Number) a[0]).longValue();
            String to = (String) a[6];
            String language = (String) a[7];
            String edition = "fr".equals(language) ? nameFr : nameEn;
            String greeting = a[3] != null ? (String) a[3] : (String) a[2]; // the name, else the username
            String position = String.valueOf(a[8]);
            if (a[9] != null) {
                Object[] offer = offers.get(((Number) a[9]).longValue());
                String name = (String) ("fr".equals(language) ? offer[1] : offer[2]);
                out.put(id, new ResultMail(to, language, "ballot.won", new Object[] {edition, greeting, name, String.valueOf(offer[3]),
                        String.valueOf(a[5]), "/tickets/" + a[10], position, a[1]}));
            } else {
                out.put(id, new ResultMail(to, language, "ballot.waitlisted", new Object[] {edition, greeting,
                        String.join("\n", waiting.getOrDefault(id, List.of())), position, a[1]}));
            }
        }
        return out;
    }
}
