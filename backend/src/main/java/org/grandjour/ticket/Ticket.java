package org.grandjour.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.grandjour.common.IdentityEntity;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;

/** What a resident claims: one code admitting a party of 1..n persons to one offer. */
@Entity
@Table(name = "ticket")
public class Ticket extends IdentityEntity {
    @Column(nullable = false, unique = true)
    public String code;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id", nullable = false)
    public Offer offer;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "edition_id", nullable = false)
    public Edition edition;
    @Column(name = "holder_subject", nullable = false)
    public String holderSubject;
    @Column(name = "holder_username", nullable = false)
    public String holderUsername;
    @Column(name = "holder_name")
    public String holderName;
    @Column(name = "holder_first_name")
    public String holderFirstName;
    @Column(name = "holder_postcode", nullable = false)
    public String holderPostcode;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "holder_territory_id")
    public Territory holderTerritory;
    @Column(name = "party_size", nullable = false)
    public int partySize;
    @Column(name = "persons_admitted", nullable = false)
    public int personsAdmitted;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status = TicketStatus.ACTIVE;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_fingerprint")
    public String requestFingerprint;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** Where reminders go, as the holder's token said when they claimed; none for a token without email. */
    @Column(name = "holder_email")
    public String holderEmail;
    @Column(name = "holder_language", nullable = false)
    public String holderLanguage = "en";
    /** When the holder said they still come (from the app or a reminder's link). */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    /** When the last warning before the edition's confirmation deadline went. */
    @Column(name = "deadline_warned_at")
    public Instant deadlineWarnedAt;
    /** APP, LINK or DEADLINE (not confirmed in time) for a released ticket: how the places came back. */
    @Column(name = "released_via")
    public String releasedVia;
}
