package org.grandjour.stats;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.grandjour.common.DedicatedConnections;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens to PostgreSQL NOTIFY on its own connection (not one of the pool's), so that a change made
 * through any backend instance reaches the dashboards connected to this one. Reconnects by itself
 * when the database restarts.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @Inject
    DedicatedConnections connections;

    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "stats-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Called with the edition id of every change ("*" when a change may concern any edition). */
    public void subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<String> subscriber) {
        subscribers.remove(subscriber);
    }

    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 250;
        while (running) {
            try (Connection c = connections.open()) {
                c.createStatement().execute("LISTEN " + LiveCounters.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                backoff = 250;
                // anything may have changed while we were not listening
                subscribers.forEach(s -> s.accept("*"));
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            subscribers.forEach(s -> s.accept(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Change feed lost its database connection (%s); retrying in %d ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5000);
                }
            }
        }
        listening = false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
