package org.grandjour.resident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.grandjour.common.IdentityEntity;

@Entity
@Table(name = "postcode_change")
public class PostcodeChange extends IdentityEntity {
    public enum Status { PENDING, APPROVED, REJECTED }

    public String subject;
    public String username;
    public String name;
    public String email;
    public String language;
    @Column(name = "current_postcode")
    public String currentPostcode;
    @Column(name = "requested_postcode")
    public String requestedPostcode;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String reason;
    @Column(name = "requested_at", insertable = false, updatable = false)
    public Instant requestedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
}
