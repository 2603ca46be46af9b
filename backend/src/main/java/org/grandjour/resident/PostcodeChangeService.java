package org.grandjour.resident;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.common.ProblemType;
import org.grandjour.mail.Mails;
import org.grandjour.territory.Territory;

/**
 * Postcode changes: a resident asks, an organiser decides. Approving writes the new postcode into
 * Keycloak (it reaches the token at the resident's next login) and the audit log; either decision is
 * mailed to the resident once it is committed, off the request thread (a slow mail server never holds
 * the organiser's request or its transaction).
 */
@ApplicationScoped
public class PostcodeChangeService {
    @Inject
    KeycloakProfiles keycloak;
    @Inject
    AuditLog audit;
    @Inject
    Mails mails;
    @Inject
    Clock clock;

    @Transactional
    public PostcodeChangeView request(Resident resident, String email, String language, String postcode) {
        String requested = Territory.normalisePostcode(postcode);
        String current = Territory.normalisePostcode(resident.postcode());
        if (requested.replace(" ", "").equals(current == null ? null : current.replace(" ", ""))) {
            throw ProblemType.VALIDATION_FAILED.exception("This is already your postcode.");
        }
        if (PostcodeChange.count("subject = ?1 and status = ?2", resident.subject(), PostcodeChange.Status.PENDING) > 0) {
            throw ProblemType.CONFLICT.exception("You already have a postcode change waiting for an organiser.");
        }
        PostcodeChange c = new PostcodeChange();
        c.subject = resident.subject();
        c.username = resident.username();
        c.name = resident.name();
        c.email = email;
        c.language = Mails.locale(language).getLanguage();
        c.currentPostcode = current;
        c.requestedPostcode = requested;
        c.status = PostcodeChange.Status.PENDING;
        c.persistAndFlush();   // two requests at once: the unique index lets one through, the other is a 409
        PostcodeChange.getEntityManager().refresh(c);
        return PostcodeChangeView.of(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostcodeChangeView> mine(String subject) {
        return PostcodeChange.<PostcodeChange>find("subject = ?1 order by requestedAt desc, id desc", subject)
                .page(0, 20).stream().map(PostcodeChangeView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostcodeChangeView> list(PostcodeChange.Status status) {
        var query = status == null ? PostcodeChange.<PostcodeChange>find("order by requestedAt desc, id desc")
                : PostcodeChange.<PostcodeChange>find("status = ?1 order by requestedAt, id", status);
        return query.page(0, 500).stream().map(PostcodeChangeView::of).toList();
    }

    /** Keycloak is written inside the transaction: if it refuses, the request stays pending. */
    @Transactional
    public PostcodeChange approve(String organiser, long id) {
        PostcodeChange c = pending(id);
        keycloak.setPostcode(c.subject, c.requestedPostcode);
        decide(c, organiser, PostcodeChange.Status.APPROVED, null);
        audit.record(organiser, "postcode-change.approve", "postcode_change", c.id,
                Map.of("username", c.username, "from", String.valueOf(c.currentPostcode), "to", c.requestedPostcode));
        mails.sendAfterCommit(c.email, c.language, "postcode-change.approved", c.requestedPostcode, greeting(c));
        return c;
    }

    @Transactional
    public PostcodeChange reject(String organiser, long id, String reason) {
        PostcodeChange c = pending(id);
        decide(c, organiser, PostcodeChange.Status.REJECTED, reason.trim());
        audit.record(organiser, "postcode-change.reject", "postcode_change", c.id,
                Map.of("username", c.username, "requested", c.requestedPostcode, "reason", c.reason));
        mails.sendAfterCommit(c.email, c.language, "postcode-change.rejected", c.requestedPostcode, greeting(c), c.reason);
        return c;
    }

    private static String greeting(PostcodeChange c) {
        return c.name == null ? c.username : c.name;
    }

    private PostcodeChange pending(long id) {
        PostcodeChange c = PostcodeChange.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemType.NOT_FOUND.exception("No postcode change " + id + ".");
        }
        if (c.status != PostcodeChange.Status.PENDING) {
            throw ProblemType.CONFLICT.exception("This postcode change was already " + c.status.name().toLowerCase() + ".");
        }
        return c;
    }

    private void decide(PostcodeChange c, String organiser, PostcodeChange.Status status, String reason) {
        c.status = status;
        c.reason = reason;
        c.decidedAt = clock.instant();
        c.decidedBy = organiser;
    }
}
