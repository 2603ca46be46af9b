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
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.DedicatedConnections;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells every backend instance (through PostgreSQL NOTIFY) which editions changed, coalesced: request
 * transactions only note the edition once they have committed, and one background sender sends at
 * most one NOTIFY per changed edition per interval, in one transaction, on its own connection. A NOTIFY
 * inside every claim took a database-wide lock at each commit and halved claim throughput.
 */
@ApplicationScoped
public class ChangeNotifier {
    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);
    /** "*": a change that may concern any edition; it stands for every other pending one. */
    static final String ANY = "*";
    private static final Object TX_KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "grandjour.stats.notify-interval", defaultValue = "100ms")
    Duration interval;
    @Inject
    DedicatedConnections connections;

    private final Set<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private Thread thread;
    private Connection connection;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::send, "stats-change-notifier");
        thread.setDaemon(true);
        thread.start();
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
        @SuppressWarnings("unchecked")
        Set<String> editions = (Set<String>) transactions.getResource(TX_KEY);
        if (editions == null) {
            Set<String> inThisTransaction = new HashSet<>();
            transactions.putResource(TX_KEY, inThisTransaction);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        pending(inThisTransaction);
                    }
                }
            });
            editions = inThisTransaction;
        }
        editions.add(editionId);
    }

    private void pending(Set<String> editions) {
        synchronized (pending) {
            pending.addAll(editions);
            pending.notifyAll();
        }
    }

    /** The sender: the first change after a quiet spell goes at once, then at most one batch per interval. */
    private void send() {
        long backoff = 250;
        while (true) {
            Set<String> batch;
            synchronized (pending) {
                while (pending.isEmpty() && running) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    break; // stopping, nothing left to send
                }
                batch = pending.contains(ANY) ? Set.of(ANY) : new LinkedHashSet<>(pending);
                pending.clear();
            }
            try {
                notifyAll(batch);
                backoff = 250;
                sleep(interval.toMillis());
            } catch (SQLException e) {
                close();
                pending(batch); // sent again once the database is back: a change is never lost
                if (!running) {
                    break;
                }
                LOG.warnf("Change notifier lost its database connection (%s); retrying in %d ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
        close();
    }

    private void notifyAll(Set<String> editions) throws SQLException {
        if (connection == null) {
            connection = connections.open();
            connection.setAutoCommit(true);
        }
        // one statement, one transaction: one commit-time lock for the whole batch
        try (var s = connection.prepareStatement("select 1 from unnest(?::text[]) e cross join lateral pg_notify(?, e)")) {
            s.setArray(1, connection.createArrayOf("text", editions.toArray()));
            s.setString(2, LiveCounters.CHANNEL);
            s.execute();
        }
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already gone
            }
            connection = null;
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
