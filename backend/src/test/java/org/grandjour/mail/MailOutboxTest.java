package org.grandjour.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.grandjour.testsupport.MailBox;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.SmtpRelay;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Mails owed after a commit are durable (V28 mail_outbox): owed iff the change committed, sent once, kept
 * owed through a real mail server outage (the backend's SMTP goes through a relay to GreenMail that the
 * test cuts: connections refused) and sent once when it is back, and never twice when runs race.
 */
@QuarkusTest
@TestProfile(MailOutboxTest.ThroughRelay.class)
class MailOutboxTest {
    static final String DOMAIN = "@residents.grandjour.test";
    static final SmtpRelay RELAY = new SmtpRelay();

    /** The backend's mails go through {@link SmtpRelay} (to GreenMail while it is up). */
    public static class ThroughRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", String.valueOf(SmtpRelay.port()));
        }
    }

    @Inject
    Mails mails;
    @Inject
    MailOutbox outbox;
    @Inject
    Sql sql;

    @BeforeEach
    void relayUp() throws Exception {
        RELAY.start();
    }

    @AfterAll
    static void relayDown() throws Exception {
        RELAY.stop();
    }

    @Test
    void aCommittedChangeOwesItsMailWhichArrivesOnce() throws Exception {
        String to = TestData.unique("outbox") + DOMAIN;
        QuarkusTransaction.requiringNew().run(() -> mails.sendAfterCommit(to, "fr", "postcode-change.approved", "59 000", "Zoé"));
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ?", to)).isEqualTo(1);
        // rendered in the recipient's language when owed
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and mail_key = 'postcode-change.approved'"
                + " and subject like '%code postal est désormais 59 000' and body like 'Bonjour Zoé,%'", to)).isEqualTo(1);

        List<Map<String, Object>> received = MailBox.await(to); // sent right after the commit, by the outbox thread
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("subject").toString()).contains("59 000");
        awaitTrue(() -> sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is not null", to) == 1);
        assertThat(outbox.sendOwed(Duration.ofDays(1))).isZero(); // nothing owed any more, not even later
        assertThat(MailBox.messages(to)).hasSize(1);
        assertThat(sql.number("select attempts from mail_outbox where recipient = ?", to)).isZero();
    }

    @Test
    void aRolledBackChangeOwesNothing() throws Exception {
        String rolledBack = TestData.unique("outbox-rb") + DOMAIN;
        String committed = TestData.unique("outbox-ok") + DOMAIN;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                mails.sendAfterCommit(rolledBack, "en", "postcode-change.approved", "62300", "Ann");
                throw new IllegalStateException("the change fails after its mail was owed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ?", rolledBack)).isZero();
        // a later committed mail goes through the same outbox; once it is there, the rolled-back one never will be
        QuarkusTransaction.requiringNew().run(() -> mails.sendAfterCommit(committed, "en", "postcode-change.approved", "62300", "Bob"));
        assertThat(MailBox.await(committed)).hasSize(1);
        outbox.sendOwed(Duration.ofDays(1));
        assertThat(MailBox.messages(rolledBack)).isEmpty();
    }

    @Test
    void aMailServerOutageLeavesTheMailOwedUntilItIsBackThenItGoesOnce() throws Exception {
        String to = TestData.unique("outbox-down") + DOMAIN;
        oweAMailWhileTheServerIsDown(to, "Cam", 2);
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is null and last_error is not null"
                + " and next_attempt_at > now()", to)).as("owed, retried later").isEqualTo(1);
        assertThat(outbox.sendOwed(Duration.ofHours(2))).isZero(); // still down: fails again
        assertThat(sql.number("select attempts from mail_outbox where recipient = ?", to)).isGreaterThanOrEqualTo(2);

        RELAY.start();
        assertThat(outbox.sendOwed(Duration.ofHours(2))).isEqualTo(1); // the next run, once it is back
        assertThat(MailBox.await(to)).hasSize(1);
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is not null", to)).isEqualTo(1);
        assertThat(outbox.sendOwed(Duration.ofHours(2))).isZero();
        assertThat(MailBox.messages(to)).hasSize(1);
    }

    @Test
    void aMailRefusedForLongerThanTheGiveUpTimeIsNeverTriedAgainButKeptForOperators() throws Exception {
        String to = TestData.unique("outbox-given-up") + DOMAIN;
        oweAMailWhileTheServerIsDown(to, "Dee", 1);
        // a young mail is only put off
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and next_attempt_at < 'infinity'", to)).isEqualTo(1);
        sql.update("update mail_outbox set created_at = now() - interval '3 days 1 minute' where recipient = ?", to);
        outbox.sendOwed(Duration.ofHours(2)); // refused once more, now past the give-up time
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is null and next_attempt_at = 'infinity'"
                + " and attempts >= 2 and last_error is not null", to)).as("given up, kept with its failures").isEqualTo(1);

        RELAY.start();
        outbox.sendOwed(Duration.ofDays(3650));
        assertThat(MailBox.messages(to)).isEmpty();
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is null", to)).isEqualTo(1);
    }

    @Test
    void racingRunsSendEachOwedMailOnce() throws Exception {
        int owed = 3 * MailOutbox.BATCH + 7;
        String to = TestData.unique("outbox-race") + DOMAIN;
        // owed without the after-commit run: only the racing runs send them
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < owed; i++) {
                outbox.enqueue(to, "test", "race " + i, "mail " + i);
            }
        });
        List<Integer> sent = Race.run(8, i -> outbox.sendOwed());
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(owed);
        assertThat(sent.stream().filter(n -> n > 0).count()).as("runs that sent something").isGreaterThan(1);
        assertThat(sql.number("select count(*) from mail_outbox where recipient = ? and sent_at is not null", to)).isEqualTo(owed);
        List<Map<String, Object>> received = MailBox.await(to, owed);
        assertThat(received).hasSize(owed);
        Set<String> subjects = new HashSet<>();
        received.forEach(m -> subjects.add(m.get("subject").toString()));
        assertThat(subjects).hasSize(owed);
    }

    /** The relay cut, a committed change owes a mail to {@code to}: the attempt right after the commit meets a refused connection. */
    private void oweAMailWhileTheServerIsDown(String to, String name, int places) throws Exception {
        RELAY.stop();
        QuarkusTransaction.requiringNew().run(() -> mails.sendAfterCommit(to, "en", "deadline.released", name, "Louvre-Lens",
                "Saturday 5 December 2026", places));
        awaitTrue(() -> sql.number("select attempts from mail_outbox where recipient = ?", to) >= 1);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(MailBox.PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the outbox").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
