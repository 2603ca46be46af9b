package org.grandjour.stats;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens to the {@link NotificationChannel} on a connection of its own (not one of the pool's), so that
 * a change made through any backend instance reaches the dashboards connected to this one.
 */
@ApplicationScoped
public class ChangeFeed {
    @Inject
    NotificationChannel channel;

    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = channel.reconnecting("stats-change-feed", () -> running, c -> {
            NotificationChannel.listen(c);
            // anything may have changed while we were not listening
            subscribers.forEach(s -> s.accept(NotificationChannel.ANY));
            while (running) {
                for (PGNotification n : NotificationChannel.receive(c, 500)) {
                    subscribers.forEach(s -> s.accept(n.getParameter()));
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Called with each message of the channel (see {@link NotificationChannel#concerns}). */
    public void subscribe(Consumer<String> subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Consumer<String> subscriber) {
        subscribers.remove(subscriber);
    }
}
