package org.grandjour.ballot;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Freezes each ballot's snapshot soon after its application window closes (every
 * {@code grandjour.ballot.freeze-every}; off in tests, which freeze by reading the public report): the
 * snapshot's hash is fixed before anyone can know the public value, and the draw then only reads it
 * instead of spending its first seconds building it (3 s for 200,000 applications). The draw still
 * freezes it itself if this has not run (BallotService.freezeIfNeeded); either way under the edition lock.
 */
@ApplicationScoped
public class BallotFreezeJob {
    private static final Logger LOG = Logger.getLogger(BallotFreezeJob.class);

    @Inject
    BallotService ballots;
    @Inject
    EntityManager em;

    @Scheduled(identity = "ballot-freeze", every = "${grandjour.ballot.freeze-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (Long editionId : closedUnfrozen()) {
            try {
                ballots.frozen(ballots.ballotEdition(editionId)); // its own transaction, one edition at a time
            } catch (RuntimeException ex) {
                LOG.errorf(ex, "ballot snapshot of edition %d not frozen; the draw will freeze it", editionId);
            }
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> closedUnfrozen() {
        return ((List<Number>) em.createNativeQuery("""
                select e.id from edition e where e.allocation_mode = 'BALLOT' and e.application_closes_at <= now()
                and not exists (select 1 from ballot_draw d where d.edition_id = e.id) order by e.id""").getResultList())
                .stream().map(Number::longValue).toList();
    }
}
