package org.grandjour.ticket;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Runs the reminders and the confirmation deadlines every {@code grandjour.reminders.every} (off in tests). */
@ApplicationScoped
public class ReminderJob {
    @Inject
    Reminders reminders;
    @Inject
    Clock clock;

    @Scheduled(identity = "reminders", every = "${grandjour.reminders.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        reminders.sendDue(clock.instant());
        reminders.applyDeadlines(clock.instant());
    }
}
