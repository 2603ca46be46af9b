package org.grandjour.stats;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;

/**
 * Live figures for dashboards: the figures at once, then again within a fraction of a second of any
 * change on any instance (coalesced: a rush of scans gives a few updates a second, not one per scan),
 * and at least every 15 seconds so idle connections stay open through proxies.
 */
@ApplicationScoped
public class StatsStream {
    private static final Logger LOG = Logger.getLogger(StatsStream.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(150);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    StatsService stats;
    @Inject
    ChangeFeed feed;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "stats-stream");
        t.setDaemon(true);
        return t;
    });

    public Multi<EditionStats> stream(long editionId, StatsService.Filter filter) {
        String id = String.valueOf(editionId);
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean dirty = new AtomicBoolean(true);
            AtomicLong lastSent = new AtomicLong();
            Consumer<String> onChange = changed -> {
                if (changed.equals(id) || changed.equals("*")) {
                    dirty.set(true);
                }
            };
            feed.subscribe(onChange);
            ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                if (dirty.getAndSet(false) || now - lastSent.get() > HEARTBEAT.toNanos()) {
                    try {
                        emitter.emit(QuarkusTransaction.requiringNew().call(() -> stats.stats(editionId, filter)));
                        lastSent.set(now);
                    } catch (RuntimeException e) {
                        dirty.set(true); // try again on the next round (database restarting, say)
                        LOG.debugf(e, "stats for edition %s not computed", id);
                    }
                }
            }, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                feed.unsubscribe(onChange);
                task.cancel(false);
            });
        });
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
