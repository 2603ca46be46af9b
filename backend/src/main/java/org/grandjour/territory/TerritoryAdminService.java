package org.grandjour.territory;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.common.ProblemException;
import org.grandjour.common.TimeZones;

/** Organisers create and change territories and their postcode rules; every change goes to the audit log. */
@ApplicationScoped
@Transactional
public class TerritoryAdminService {
    @Inject
    AuditLog audit;

    /** Creates the territory with this code, or changes it when it exists. */
    public TerritoryView save(String actor, String code, TerritoryInput in) {
        TimeZones.require("timeZone", in.timeZone());
        try {
            Pattern.compile(in.postcodePattern());
        } catch (PatternSyntaxException e) {
            throw ProblemException.invalidField("postcodePattern", "not a valid regular expression: " + e.getDescription());
        }
        // A PUT is idempotent, also when identical ones race: the row is made by the database, once, and
        // the others wait for it and change it (instead of failing on the unique code).
        boolean created = Territory.getEntityManager().createNativeQuery("""
                INSERT INTO territory (code, name_fr, name_en, country, language, time_zone, postcode_pattern)
                VALUES (:code, :nameFr, :nameEn, :country, :language, :timeZone, :pattern)
                ON CONFLICT (code) DO NOTHING""")
                .setParameter("code", code).setParameter("nameFr", in.nameFr()).setParameter("nameEn", in.nameEn())
                .setParameter("country", in.country()).setParameter("language", in.language())
                .setParameter("timeZone", in.timeZone()).setParameter("pattern", in.postcodePattern())
                .executeUpdate() == 1;
        Territory t = Territory.findByCode(code);
        t.nameFr = in.nameFr();
        t.nameEn = in.nameEn();
        t.country = in.country();
        t.language = in.language();
        t.timeZone = in.timeZone();
        t.postcodePattern = in.postcodePattern();
        t.persist();
        audit.record(actor, created ? "territory.create" : "territory.update", "territory", code,
                Map.of("postcodePattern", in.postcodePattern()));
        return TerritoryView.of(t);
    }
}
