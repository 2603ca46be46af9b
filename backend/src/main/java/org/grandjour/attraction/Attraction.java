package org.grandjour.attraction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.grandjour.common.IdentityEntity;
import org.grandjour.territory.Territory;

/** A venue that gives free entries. */
@Entity
@Table(name = "attraction")
public class Attraction extends IdentityEntity {
    @Column(nullable = false, unique = true)
    public String slug;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "territory_id", nullable = false)
    public Territory territory;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;
    @Column(name = "name_fr", nullable = false)
    public String nameFr;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    @Column(name = "description_fr", nullable = false)
    public String descriptionFr = "";
    @Column(name = "description_en", nullable = false)
    public String descriptionEn = "";
    @Column(nullable = false)
    public String address;
    @Column(nullable = false)
    public String town;
    @Column(nullable = false)
    public String postcode;
    @Column(name = "accessibility_fr", nullable = false)
    public String accessibilityFr = "";
    @Column(name = "accessibility_en", nullable = false)
    public String accessibilityEn = "";
    @Column(nullable = false)
    public boolean active = true;

    public static Attraction findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
