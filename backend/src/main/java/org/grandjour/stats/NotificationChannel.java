package org.grandjour.stats;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.grandjour.common.DedicatedConnections;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The PostgreSQL channel that tells every backend instance which edition changed: its name, what a
 * message means, and the background loops over it, which run on connections of their own and open them
 * again (with backoff) whenever the database goes away. The sender is {@link ChangeNotifier}, the
 * listener {@link ChangeFeed}.
 */
@ApplicationScoped
class NotificationChannel {
    private static final Logger LOG = Logger.getLogger(NotificationChannel.class);
    static final String NAME = "grandjour_stats";
    /** A change that may concern any edition (a scan matching no ticket); it stands for every other one. */
    static final String ANY = "*";
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long LAST_BACKOFF_MILLIS = 5000;

    @Inject
    DedicatedConnections connections;

    /** What runs on the connection; it throws when the connection is lost, and returns when it is done. */
    @FunctionalInterface
    interface Session {
        void run(Connection connection) throws SQLException;
    }

    static boolean concerns(String message, long editionId) {
        return message.equals(ANY) || message.equals(String.valueOf(editionId));
    }

    static String message(long editionId) {
        return String.valueOf(editionId);
    }

    /** Starts a daemon thread that runs the session on a fresh connection each time the last one was lost. */
    Thread reconnecting(String threadName, BooleanSupplier running, Session session) {
        Thread thread = new Thread(() -> loop(threadName, running, session), threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Logged once per outage, not once per attempt: WARN when the connection is lost, DEBUG for each
     * attempt that fails while the database is away, INFO when a connection is had again.
     */
    private void loop(String name, BooleanSupplier running, Session session) {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean down = false;
        while (running.getAsBoolean()) {
            try (Connection c = connections.open()) {
                c.setAutoCommit(true);
                if (down) {
                    LOG.infof("%s has its database connection again", name);
                    down = false;
                }
                backoff = FIRST_BACKOFF_MILLIS;
                session.run(c);
            } catch (SQLException e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                if (down) {
                    LOG.debugf("%s still has no database connection (%s); retrying in %d ms", name, e.getMessage(), backoff);
                } else {
                    LOG.warnf("%s lost its database connection (%s); retrying every %d to %d ms, quietly until it is back",
                            name, e.getMessage(), FIRST_BACKOFF_MILLIS, LAST_BACKOFF_MILLIS);
                    down = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            }
        }
    }

    static void listen(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("LISTEN " + NAME);
        }
    }

    /** The messages received within the timeout (none when it passed first). */
    static PGNotification[] receive(Connection c, int timeoutMillis) throws SQLException {
        PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(timeoutMillis);
        return received == null ? new PGNotification[0] : received;
    }

    /** One statement, one transaction: one commit-time lock for the whole batch. */
    static void send(Connection c, Collection<String> messages) throws SQLException {
        try (var s = c.prepareStatement("select 1 from unnest(?::text[]) m cross join lateral pg_notify(?, m)")) {
            s.setArray(1, c.createArrayOf("text", messages.toArray()));
            s.setString(2, NAME);
            s.execute();
        }
    }
}
