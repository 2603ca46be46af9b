package org.grandjour.stats;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

import org.grandjour.edition.EditionService;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Live figures for dashboards: the figures at once, then again within a fraction of a second of any
 * change on any instance (coalesced: a rush of scans gives a few updates a second, not one per scan),
 * and at least every 15 seconds so idle connections stay open through proxies. Dashboards watching the
 * same edition with the same filter share one computation, whatever their number.
 */
@ApplicationScoped
public class StatsStream {
    private static final Logger LOG = Logger.getLogger(StatsStream.class);
    static final Duration CHECK_EVERY = Duration.ofMillis(150);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    StatsService stats;
    @Inject
    EditionService editions;
    @Inject
    ChangeFeed feed;

    private record Watched(long editionId, StatsService.Filter filter) {
    }

    private final ConcurrentMap<Watched, SharedFigures> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "stats-stream");
        t.setDaemon(true);
        return t;
    });

    public Multi<EditionStats> stream(long editionId, StatsService.Filter filter) {
        editions.get(editionId); // unknown edition: a 404 now, not an empty stream
        Watched key = new Watched(editionId, filter);
        return Multi.createFrom().emitter(emitter -> {
            SharedFigures figures;
            do {
                figures = watched.computeIfAbsent(key, SharedFigures::new);
            } while (!figures.join(emitter)); // it stopped as we came: the next one is a new one
            SharedFigures joined = figures;
            emitter.onTermination(() -> joined.leave(emitter));
        });
    }

    /** How many times the figures watched by streams of this edition and filter were computed (0 when none watches them). */
    long computations(long editionId, StatsService.Filter filter) {
        SharedFigures figures = watched.get(new Watched(editionId, filter));
        return figures == null ? 0 : figures.computations.get();
    }

    /**
     * The figures of one edition under one filter and the streams showing them: computed on a change
     * of that edition or when the heartbeat is due, then sent to every stream; the last one computed
     * goes to each new stream at once. Stops when its last stream ends.
     */
    private final class SharedFigures implements Consumer<String> {
        private final Watched key;
        private final Set<MultiEmitter<? super EditionStats>> subscribers = new LinkedHashSet<>(); // guarded by this
        private final AtomicBoolean dirty = new AtomicBoolean(true);
        private final AtomicLong computations = new AtomicLong();
        private final ScheduledFuture<?> task;
        private long lastSent; // only on the task
        private EditionStats latest; // guarded by this
        private boolean stopped; // guarded by this

        SharedFigures(Watched key) {
            this.key = key;
            feed.subscribe(this);
            task = scheduler.scheduleWithFixedDelay(this::refresh, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void accept(String message) {
            if (NotificationChannel.concerns(message, key.editionId())) {
                dirty.set(true);
            }
        }

        synchronized boolean join(MultiEmitter<? super EditionStats> emitter) {
            if (stopped) {
                return false;
            }
            subscribers.add(emitter);
            if (latest != null) {
                emitter.emit(latest);
            }
            return true;
        }

        synchronized void leave(MultiEmitter<? super EditionStats> emitter) {
            if (subscribers.remove(emitter) && subscribers.isEmpty()) {
                stopped = true;
                task.cancel(false);
                feed.unsubscribe(this);
                watched.remove(key, this);
            }
        }

        private void refresh() {
            long now = System.nanoTime();
            if (!dirty.getAndSet(false) && now - lastSent <= HEARTBEAT.toNanos()) {
                return;
            }
            computations.incrementAndGet();
            EditionStats figures;
            try {
                figures = QuarkusTransaction.requiringNew().call(() -> stats.stats(key.editionId(), key.filter()));
            } catch (RuntimeException e) {
                dirty.set(true); // try again on the next round (database restarting, say)
                LOG.debugf(e, "stats for edition %d not computed", key.editionId());
                return;
            }
            lastSent = now;
            synchronized (this) {
                latest = figures;
                // a copy: a stream may end (and leave) while it is being sent to
                List.copyOf(subscribers).forEach(s -> s.emit(figures));
            }
        }
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
