package org.grandjour.offer;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.grandjour.attraction.Attraction;
import org.grandjour.common.IdentityEntity;
import org.grandjour.edition.Edition;

/**
 * An attraction's free entries for one day of an edition. {@code remaining} is only ever changed by
 * conditional SQL updates (see the claim service); the database keeps it within 0..capacity.
 */
@Entity
@Table(name = "offer")
public class Offer extends IdentityEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "edition_id", nullable = false)
    public Edition edition;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attraction_id", nullable = false)
    public Attraction attraction;
    @Column(nullable = false)
    public LocalDate day;
    @Column(nullable = false)
    public int capacity;
    @Column(nullable = false)
    public int remaining;
}
