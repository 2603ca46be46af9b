package org.grandjour.territory;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.grandjour.common.IdentityEntity;

/** An area whose residents are eligible, recognised by the postcode of their address. */
@Entity
@Table(name = "territory")
public class Territory extends IdentityEntity {
    @Column(nullable = false, unique = true)
    public String code;
    @Column(name = "name_fr", nullable = false)
    public String nameFr;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    @Column(nullable = false)
    public String country;
    @Column(nullable = false)
    public String language;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "postcode_pattern", nullable = false)
    public String postcodePattern;

    @Transient
    private Pattern compiled;

    /** Postcodes are compared upper-cased with single spaces: "ct1  2eh " is "CT1 2EH". */
    public static String normalisePostcode(String postcode) {
        return postcode == null ? null : postcode.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Spaces are insignificant here: residents type "62 300" as often as "62300". */
    public boolean covers(String postcode) {
        String normalised = normalisePostcode(postcode);
        if (normalised == null || normalised.isEmpty()) {
            return false;
        }
        if (compiled == null) {
            compiled = Pattern.compile(postcodePattern);
        }
        return compiled.matcher(normalised).matches() || compiled.matcher(normalised.replace(" ", "")).matches();
    }

    public static Territory findByCode(String code) {
        return find("code", code).firstResult();
    }
}
