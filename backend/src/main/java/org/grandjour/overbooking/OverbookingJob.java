package org.grandjour.overbooking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Recomputes the upcoming offers' overbooking allowances every {@code grandjour.overbooking.recompute-every}
 * (off in tests), so they follow the holders' confirmations as they come in.
 */
@ApplicationScoped
public class OverbookingJob {
    @Inject
    OverbookingService overbooking;
    @Inject
    Clock clock;

    @Scheduled(identity = "overbooking", every = "${grandjour.overbooking.recompute-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        // a day earlier than today in UTC: an edition's "today" may still be yesterday in UTC's terms
        overbooking.recomputeUpcoming(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1));
    }
}
