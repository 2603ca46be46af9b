package org.grandjour.stats;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.AfterCommit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells every backend instance (through the {@link NotificationChannel}) which editions changed, coalesced:
 * request transactions only note the edition once they have committed, and one background sender sends at
 * most one NOTIFY per changed edition per interval, in one transaction, on its own connection. A NOTIFY
 * inside every claim took a database-wide lock at each commit and halved claim throughput.
 */
@ApplicationScoped
public class ChangeNotifier {
    private static final Object TX_KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "grandjour.stats.notify-interval", defaultValue = "100ms")
    Duration interval;
    @Inject
    NotificationChannel channel;

    private final Set<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = channel.reconnecting("stats-change-notifier", () -> running, this::send);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        if (thread != null) {
            thread.join(2000); // it sends what is still pending before it ends
        }
    }

    /**
     * Notes that an edition changed, once the current transaction commits (nothing if it rolls back);
     * at once when there is no transaction.
     */
    public void changed(String editionId) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            pending(Set.of(editionId));
            return;
        }
        Set<String> editions = AfterCommit.gathered(transactions, TX_KEY, HashSet::new, this::pending);
        editions.add(editionId);
    }

    private void pending(Set<String> editions) {
        synchronized (pending) {
            pending.addAll(editions);
            pending.notifyAll();
        }
    }

    /**
     * The sender: the first change after a quiet spell goes at once, then at most one batch per interval.
     * Returns once stopping with nothing left to send.
     */
    private void send(Connection connection) throws SQLException {
        while (true) {
            Set<String> batch;
            synchronized (pending) {
                while (pending.isEmpty() && running) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = pending.contains(NotificationChannel.ANY) ? Set.of(NotificationChannel.ANY) : new LinkedHashSet<>(pending);
                pending.clear();
            }
            try {
                NotificationChannel.send(connection, batch);
            } catch (SQLException e) {
                pending(batch); // sent again once the database is back: a change is never lost
                throw e;
            }
            sleep(interval.toMillis());
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
