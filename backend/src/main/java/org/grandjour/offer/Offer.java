package org.grandjour.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import org.grandjour.attraction.Attraction;
import org.grandjour.common.IdentityEntity;
import org.grandjour.edition.Edition;

/**
 * An attraction's free entries for one day of an edition. The places left live in the offer's quota
 * slices (see {@link OfferQuota}), changed only by conditional SQL; {@code remaining} is their sum.
 */
@Entity
@Table(name = "offer")
public class Offer extends IdentityEntity {
    public static final String OVERBOOK_EDITION = "EDITION";
    public static final String OVERBOOK_OFF = "OFF";
    public static final String OVERBOOK_CUSTOM = "CUSTOM";

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
    /** Opening hours on the day, in the edition's zone. */
    @Column(name = "opens_at", nullable = false)
    public LocalTime opensAt = LocalTime.of(10, 0);
    @Column(name = "closes_at", nullable = false)
    public LocalTime closesAt = LocalTime.of(18, 0);
    /** Overbooking: follow the edition's risk (EDITION), never (OFF), or {@link #overbookingRisk} (CUSTOM). */
    @Column(name = "overbooking_mode", nullable = false)
    public String overbookingMode = OVERBOOK_EDITION;
    /** CUSTOM's risk, in percent. */
    @Column(name = "overbooking_risk", precision = 5, scale = 2)
    public java.math.BigDecimal overbookingRisk;
    /** Places handed out beyond the capacity (they are in the quota slices); see overbooking/OverbookingService. */
    @Column(name = "overbooking_allowance", nullable = false)
    public int overbookingAllowance;
    /** The model's inputs and result when last computed; null without comparable history. */
    @Column(name = "overbooking_show_rate")
    public Double overbookingShowRate;
    @Column(name = "overbooking_dispersion")
    public Double overbookingDispersion;
    @Column(name = "overbooking_history_parties")
    public Integer overbookingHistoryParties;
    @Column(name = "overbooking_overflow_risk")
    public Double overbookingOverflowRisk;
    /** Persons of live tickets confirmed or admitted when the allowance was last computed: counted as certain. */
    @Column(name = "overbooking_certain_persons")
    public int overbookingCertainPersons;
    /** The model's allowance as last computed: places released while the allowance is above it shrink it. */
    @Column(name = "overbooking_target")
    public int overbookingTarget;
    /** Read-only: the sum of the quota slices when loaded (a new offer's slices hold its capacity). */
    @Formula("(select coalesce(sum(q.remaining), 0) from offer_quota q where q.offer_id = id)")
    public int remaining;

    /** When the offer's day begins, in the edition's zone. */
    public Instant startsAt() {
        return edition.startOf(day);
    }

    /** When the attraction opens on the offer's day: a ticket can be released until then. */
    public Instant opensInstant() {
        return day.atTime(opensAt).atZone(edition.zone()).toInstant();
    }

    /** When the attraction closes on the offer's day: walk-ups are taken until then. */
    public Instant closesInstant() {
        return day.atTime(closesAt).atZone(edition.zone()).toInstant();
    }

    /** When the offer's day is over (the next day begins), in the edition's zone. */
    public Instant endsAt() {
        return edition.startOf(day.plusDays(1));
    }
}
