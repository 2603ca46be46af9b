package org.grandjour.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.Race;
import org.grandjour.testsupport.Sql;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Change notifications are coalesced: a burst of claims gives a few NOTIFYs, not one per claim, and
 * the last one comes after the last change (a dashboard reading at each notification ends with the
 * final figures). Listened to here on a connection of our own, as another backend instance would.
 */
@QuarkusTest
@TestProfile(LocalTokens.Profile.class)
class ChangeCoalescingTest {
    @Inject
    TestData data;
    @Inject
    Sql sql;
    @Inject
    ChangeNotifier notifier;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    record Received(String edition, long nanos, long ticketsSeen) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile boolean listening;
    volatile String watchedEdition = "";
    Thread listener;

    @BeforeEach
    void listen() throws Exception {
        Connection c = DriverManager.getConnection(url, "postgres", "");
        c.createStatement().execute("LISTEN " + NotificationChannel.NAME);
        listening = true;
        listener = new Thread(() -> {
            try (c) {
                PGConnection pg = c.unwrap(PGConnection.class);
                while (listening) {
                    PGNotification[] ns = pg.getNotifications(50);
                    for (PGNotification n : ns == null ? new PGNotification[0] : ns) {
                        long now = System.nanoTime();
                        // what a dashboard would read on this notification
                        long seen = n.getParameter().equals(watchedEdition)
                                ? sql.number("select count(*) from ticket where edition_id = ?::bigint", watchedEdition) : -1;
                        received.add(new Received(n.getParameter(), now, seen));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-listener");
        listener.start();
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        listening = false;
        listener.join(2000);
    }

    @Test
    void twoHundredClaimsGiveAFewNotificationsAndTheLastComesAfterTheLastClaim() throws Exception {
        LocalDate day = LocalDate.now().plusDays(3);
        Edition edition = data.edition(day, day, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(2)),
                TestData.PAS_DE_CALAIS);
        Offer offer = data.offer(edition, data.attraction(TestData.PAS_DE_CALAIS, Category.MUSEUM), day, 1000);
        watchedEdition = String.valueOf(edition.id);
        String run = TestData.unique("n");

        long started = System.nanoTime();
        List<Integer> statuses = Race.run(200, i -> given().auth().oauth2(LocalTokens.resident(run + "-" + i, "62300"))
                .contentType("application/json").body("{\"offerId\": " + offer.id + ", \"partySize\": 1}")
                .post("/api/tickets").statusCode());
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(statuses).containsOnly(201);
        Thread.sleep(1000); // the trailing notification is due within the interval

        List<Received> ours = received.stream().filter(r -> r.edition().equals(watchedEdition)).toList();
        assertThat(ours).isNotEmpty();
        // at most one per interval (100 ms) while the claims ran, plus the trailing one
        assertThat(ours.size()).as("notifications for 200 claims in %d ms", elapsedMillis)
                .isLessThanOrEqualTo((int) (elapsedMillis / 100) + 3);
        assertThat(ours.get(ours.size() - 1).ticketsSeen()).as("figures read at the last notification").isEqualTo(200);
    }

    /** Thousands of committed changes, as fast as one thread makes them: the notifications follow the clock, not the changes. */
    @Test
    void manyChangesInABurstGiveAtMostOneNotificationPerInterval() throws Exception {
        String burst = TestData.unique("burst");
        long started = System.nanoTime();
        for (int i = 0; i < 5000; i++) {
            QuarkusTransaction.requiringNew().run(() -> notifier.changed(burst));
        }
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.stream().noneMatch(r -> r.edition().equals(burst)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(1000); // the trailing notification is due within the interval
        long ours = received.stream().filter(r -> r.edition().equals(burst)).count();
        assertThat(ours).as("notifications for 5000 changes in %d ms", elapsedMillis)
                .isBetween(1L, Math.min(4999L, elapsedMillis / 100 + 3));
    }

    @Test
    void aRolledBackTransactionNotifiesNothing() throws Exception {
        String rolledBack = TestData.unique("rolled-back");
        String committed = TestData.unique("committed");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            notifier.changed(rolledBack);
            throw new IllegalStateException("refused");
        })).hasMessageContaining("refused");
        long before = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> notifier.changed(committed));

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (received.stream().noneMatch(r -> r.edition().equals(committed)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Received arrived = received.stream().filter(r -> r.edition().equals(committed)).findFirst().orElseThrow();
        // within the interval on a quiet machine (MultiInstanceIT prints it); a loaded one may take longer
        assertThat(Duration.ofNanos(arrived.nanos() - before)).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(300);
        assertThat(received).noneMatch(r -> r.edition().equals(rolledBack));
    }
}
