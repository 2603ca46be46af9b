package org.grandjour.scan;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.grandjour.attraction.Attraction;
import org.grandjour.common.IdentityEntity;
import org.grandjour.ticket.Ticket;

/** One read of a QR code at a door, whatever its verdict (append-only). */
@Entity
@Table(name = "scan")
public class Scan extends IdentityEntity {
    @Column(name = "scan_uid", nullable = false, unique = true)
    public UUID scanUid;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id")
    public Ticket ticket;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attraction_id", nullable = false)
    public Attraction attraction;
    @Column(name = "device_id", nullable = false)
    public String deviceId;
    @Column(name = "staff_username", nullable = false)
    public String staffUsername;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;
    @Column(name = "persons_admitted", nullable = false)
    public int personsAdmitted;
    @Column(name = "persons_before", nullable = false)
    public int personsBefore;
    @Enumerated(EnumType.STRING)
    @Column(name = "local_verdict")
    public Verdict localVerdict;
    @Column(nullable = false)
    public boolean conflict;
    @Column(nullable = false)
    public boolean offline;
    @Column(name = "scanned_at", nullable = false)
    public Instant scannedAt;
    @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
    public Instant receivedAt;
}
