package org.grandjour.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.grandjour.common.IdentityEntity;
import org.grandjour.territory.Territory;

/** One Grand Jour: its days, its claim window, its rules and the territories taking part. */
@Entity
@Table(name = "edition")
public class Edition extends IdentityEntity {
    public static final String FIRST_COME = "FIRST_COME";
    public static final String BALLOT = "BALLOT";

    @Column(nullable = false, unique = true)
    public String slug;
    /** The name in French (and in English when {@link #nameEn} is empty). */
    @Column(nullable = false)
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;
    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;
    @Column(name = "claim_opens_at", nullable = false)
    public Instant claimOpensAt;
    @Column(name = "claim_closes_at", nullable = false)
    public Instant claimClosesAt;
    @Column(name = "max_tickets_per_resident", nullable = false)
    public int maxTicketsPerResident;
    @Column(name = "max_party_size", nullable = false)
    public int maxPartySize;
    /** FIRST_COME (claims) or BALLOT (applications, then a draw). */
    @Column(name = "allocation_mode", nullable = false)
    public String allocationMode = FIRST_COME;
    @Column(name = "application_opens_at")
    public Instant applicationOpensAt;
    @Column(name = "application_closes_at")
    public Instant applicationClosesAt;
    @Column(name = "draw_at")
    public Instant drawAt;
    @Column(name = "max_choices", nullable = false)
    public int maxChoices = 5;
    /** Names, in advance, the public value the draw will use (which lottery, which date). */
    @Column(name = "public_value_source")
    public String publicValueSource;
    /** The draw's secret seed (32 bytes): never shown before the draw. */
    @Column(name = "ballot_seed")
    public byte[] ballotSeed;
    /** SHA-256(seed) in hex, published as soon as the edition is a ballot. */
    @Column(name = "ballot_commitment")
    public String ballotCommitment;
    /** Walk-ups are taken in the last this-many minutes of each offer's opening hours; null: none. */
    @Column(name = "walk_up_minutes")
    public Integer walkUpMinutes;
    /** Confirmation deadline (both or neither): tickets not confirmed by the visit day minus these days ... */
    @Column(name = "confirm_days_before")
    public Integer confirmDaysBefore;
    /** ... at this time of day, in the edition's zone, are released (after a last warning). */
    @Column(name = "confirm_at_time")
    public java.time.LocalTime confirmAtTime;
    /** Overbooking risk in percent (P(arrivals > capacity) per offer and day); null = no overbooking. */
    @Column(name = "overbooking_risk", precision = 5, scale = 2)
    public java.math.BigDecimal overbookingRisk;
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @ManyToMany
    @JoinTable(name = "edition_territory",
            joinColumns = @JoinColumn(name = "edition_id"),
            inverseJoinColumns = @JoinColumn(name = "territory_id"))
    @OrderBy("code")
    public Set<Territory> territories = new LinkedHashSet<>();

    /** The name in both languages. */
    public org.grandjour.common.Localized names() {
        return new org.grandjour.common.Localized(name, nameEn == null ? name : nameEn);
    }

    /** The zone in which the edition's days are counted: a ticket's day begins at midnight there. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The edition's day at this instant. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** The instant this day begins, in the edition's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The confirmation deadline of a visit on this day, or null when the edition has none. */
    public Instant confirmDeadline(LocalDate day) {
        if (confirmDaysBefore == null || confirmAtTime == null) {
            return null;
        }
        return day.minusDays(confirmDaysBefore).atTime(confirmAtTime).atZone(zone()).toInstant();
    }

    public boolean claimOpenAt(Instant now) {
        return !now.isBefore(claimOpensAt) && now.isBefore(claimClosesAt);
    }

    public boolean ballot() {
        return BALLOT.equals(allocationMode);
    }

    /** Applications are taken from the instant the window opens until (not at) the instant it closes. */
    public boolean applicationOpenAt(Instant now) {
        return ballot() && !now.isBefore(applicationOpensAt) && now.isBefore(applicationClosesAt);
    }

    public boolean applicationClosedAt(Instant now) {
        return ballot() && !now.isBefore(applicationClosesAt);
    }

    /** The participating territory that covers this postcode, if any. */
    public Territory territoryOf(String postcode) {
        return territories.stream().filter(t -> t.covers(postcode)).findFirst().orElse(null);
    }

    public static Edition findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
