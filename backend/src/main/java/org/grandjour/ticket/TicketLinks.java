package org.grandjour.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.common.SqlValues;
import org.grandjour.offer.OfferView;

/**
 * One-click links in mails: unguessable (256 random bits), single-use, expiring at the attraction's
 * opening, and good for their one action only. Only the token's SHA-256 is stored. Using a link is one
 * conditional UPDATE, so the same link clicked twice at once acts once.
 */
@ApplicationScoped
public class TicketLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TicketService tickets;

    /** A new link; its token is returned once and never stored. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String create(long ticketId, TicketLinkAction action, Instant expiresAt) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        em.createNativeQuery("insert into ticket_link (token_hash, ticket_id, action, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, hash(token)).setParameter(2, ticketId).setParameter(3, action.name())
                .setParameter(4, expiresAt).executeUpdate();
        return token;
    }

    @Transactional
    public TicketLinkView describe(String token) {
        Object[] row = find(token);
        Ticket t = em.find(Ticket.class, ((Number) row[0]).longValue());
        return view(t, row);
    }

    @Transactional
    public TicketLinkView use(String token) {
        Instant now = clock.instant();
        List<?> used = em.createNativeQuery("""
                update ticket_link set used_at = ?1
                where token_hash = ?2 and used_at is null and expires_at > ?1
                returning ticket_id, action, expires_at, used_at""")
                .setParameter(1, now).setParameter(2, hash(token)).getResultList();
        if (used.isEmpty()) {
            Object[] row = find(token); // 404 when there is no such link
            throw row[3] != null
                    ? ProblemType.LINK_GONE.exception("This link was already used at " + row[3] + ".")
                    : ProblemType.LINK_GONE.exception("This link expired at " + row[2] + ".");
        }
        Object[] row = (Object[]) used.get(0);
        Ticket t = em.find(Ticket.class, ((Number) row[0]).longValue());
        switch (TicketLinkAction.valueOf((String) row[1])) {
            case RELEASE -> {
                tickets.release(t, now, "LINK");
                em.refresh(t);
            }
            case CONFIRM -> tickets.confirm(t, now);
        }
        return view(t, row);
    }

    /** ticket_id, action, expires_at, used_at of an existing link, else 404. */
    private Object[] find(String token) {
        List<?> rows = em.createNativeQuery("select ticket_id, action, expires_at, used_at from ticket_link where token_hash = ?1")
                .setParameter(1, hash(token)).getResultList();
        if (rows.isEmpty()) {
            throw ProblemType.NOT_FOUND.exception("This link is not valid: check that it was copied whole.");
        }
        return (Object[]) rows.get(0);
    }

    private static TicketLinkView view(Ticket t, Object[] row) {
        return new TicketLinkView(TicketLinkAction.valueOf((String) row[1]), SqlValues.instant(row[2]), SqlValues.instant(row[3]), t.status,
                t.partySize, t.confirmedAt, OfferView.of(t.offer));
    }


    private static byte[] hash(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw ProblemType.NOT_FOUND.exception("This link is not valid: check that it was copied whole.");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
