package org.grandjour.common;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks a failure's cause chain: the failure itself, then its suppressed exceptions (a failed commit
 * carries the driver's error as suppressed), then its cause, each in turn the same way, depth first.
 * Each throwable is looked at once, so a cycle (a cause pointing back) ends the walk.
 */
public final class Causes {
    private Causes() {
    }

    /** The first answer the function gives along the chain. */
    public static <T> Optional<T> first(Throwable failure, Function<Throwable, Optional<T>> answer) {
        return first(failure, answer, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** Whether any throwable along the chain matches. */
    public static boolean any(Throwable failure, Predicate<Throwable> match) {
        return first(failure, t -> match.test(t) ? Optional.of(Boolean.TRUE) : Optional.empty()).isPresent();
    }

    private static <T> Optional<T> first(Throwable t, Function<Throwable, Optional<T>> answer, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return Optional.empty();
        }
        Optional<T> found = answer.apply(t);
        if (found.isPresent()) {
            return found;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            found = first(suppressed, answer, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return first(t.getCause(), answer, seen);
    }
}
