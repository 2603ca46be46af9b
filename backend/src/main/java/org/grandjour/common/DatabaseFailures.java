package org.grandjour.common;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

/**
 * What a failure of the database means for the client, read from PostgreSQL's SQLSTATE anywhere in the
 * cause chain (Hibernate, Agroal and Narayana each wrap it differently). A database that is down, busy
 * or holding a lock too long is not the client's fault nor a bug: 503 with Retry-After, logged once per
 * outage rather than a stack trace per request. A value the database refuses (a NUL byte, a date past
 * year 294276, a duplicate that slipped past a service's own check) is the client's: 400 or 409.
 */
public final class DatabaseFailures {
    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    /** When the current outage was first logged; quiet until the database answers again. */
    private static final AtomicReference<Instant> OUTAGE_LOGGED = new AtomicReference<>();
    private static final Duration OUTAGE_LOG_EVERY = Duration.ofMinutes(1);

    private DatabaseFailures() {
    }

    /** How to answer, with the seconds to put in Retry-After (0: none). */
    public record Answer(ProblemType type, String detail, int retryAfterSeconds) {
    }

    /** The first SQLException along the cause chain ({@link Causes}) whose SQLSTATE has an answer. */
    public static Optional<Answer> classify(Throwable failure) {
        return Causes.first(failure, t -> t instanceof SQLException sql ? classify(sql) : Optional.empty());
    }

    private static Optional<Answer> classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")) {
            outage(e);
            return Optional.of(new Answer(ProblemType.SERVICE_UNAVAILABLE,
                    "The database is unavailable at the moment; nothing was changed. Try again shortly.", 5));
        }
        if (state.equals("55P03") || state.equals("57014") || state.equals("40001") || state.equals("40P01")
                || message.contains("acquisition timeout")) {
            // lock_timeout, statement_timeout, serialization failure, deadlock, every pooled connection busy:
            // rolled back, safe to retry
            return Optional.of(new Answer(ProblemType.SERVICE_UNAVAILABLE,
                    "Too busy to answer in time; nothing was changed. Try again in a moment.", 2));
        }
        if (state.equals("23505")) {
            return Optional.of(new Answer(ProblemType.ALREADY_EXISTS,
                    "This already exists (a concurrent request may have created it a moment ago).", 0));
        }
        if (state.startsWith("23")) {
            return Optional.of(new Answer(ProblemType.CONFLICT, "This change conflicts with the data it refers to.", 0));
        }
        if (state.startsWith("22")) {
            return Optional.of(new Answer(ProblemType.VALIDATION_FAILED,
                    "A value is out of range or contains characters that cannot be stored.", 0));
        }
        return Optional.empty();
    }

    private static void outage(SQLException e) {
        Instant now = Instant.now();
        Instant logged = OUTAGE_LOGGED.get();
        if ((logged == null || logged.plus(OUTAGE_LOG_EVERY).isBefore(now)) && OUTAGE_LOGGED.compareAndSet(logged, now)) {
            LOG.warnf("Database unavailable (answering 503 until it is back): %s [SQLSTATE %s]", e.getMessage(), e.getSQLState());
        }
    }
}
