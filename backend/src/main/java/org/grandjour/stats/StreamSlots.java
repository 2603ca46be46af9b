package org.grandjour.stats;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Live streams open per user: each holds a connection and a share of a computation until it ends, so
 * one account (a script, a tab reopened in a loop) may not hold more than a few at once.
 */
@ApplicationScoped
public class StreamSlots {
    /** Seconds a refused client is told to wait: about the time a closed stream takes to be noticed. */
    static final int RETRY_AFTER_SECONDS = 15;

    @ConfigProperty(name = "grandjour.stats.streams-per-user", defaultValue = "5")
    int perUser;

    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    /** Refused: the user already has as many streams open as allowed. */
    public static final class TooManyStreams extends RuntimeException {
        final int limit;

        TooManyStreams(int limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }

    /** Takes one of the user's slots, or throws {@link TooManyStreams}; the runnable gives it back (once). */
    public Runnable take(String user) {
        boolean[] taken = {false};
        open.compute(user, (u, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perUser) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        if (!taken[0]) {
            throw new TooManyStreams(perUser);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
            }
        };
    }

    /** Streams the user has open now. */
    int openBy(String user) {
        return open.getOrDefault(user, 0);
    }
}
