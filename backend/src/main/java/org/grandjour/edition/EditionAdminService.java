package org.grandjour.edition;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.common.TimeZones;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;

/** Organisers set up editions: days, claim window, limits and territories; every change goes to the audit log. */
@ApplicationScoped
@Transactional
public class EditionAdminService {
    @Inject
    AuditLog audit;
    @Inject
    EditionService editions;

    public EditionView create(String actor, EditionInput in) {
        if (Edition.findBySlug(in.slug()) != null) {
            throw ProblemType.ALREADY_EXISTS.exception("An edition with slug '" + in.slug() + "' already exists.");
        }
        Edition e = new Edition();
        apply(e, in);
        e.persist();
        audit.record(actor, "edition.create", "edition", e.id, Map.of("slug", in.slug()));
        return editions.view(e);
    }

    public EditionView update(String actor, long id, EditionInput in) {
        Edition e = editions.get(id);
        Edition sameSlug = Edition.findBySlug(in.slug());
        if (sameSlug != null && !sameSlug.id.equals(id)) {
            throw ProblemType.ALREADY_EXISTS.exception("Another edition has slug '" + in.slug() + "'.");
        }
        long outside = Offer.count("edition.id = ?1 and (day < ?2 or day > ?3)", id, in.firstDay(), in.lastDay());
        if (outside > 0) {
            throw ProblemException.invalidField("firstDay", outside + " offers fall outside these days: move or remove them first");
        }
        apply(e, in);
        audit.record(actor, "edition.update", "edition", id, Map.of("slug", in.slug()));
        return editions.view(e);
    }

    private static void apply(Edition e, EditionInput in) {
        TimeZones.require("timeZone", in.timeZone());
        if (in.lastDay().isBefore(in.firstDay())) {
            throw ProblemException.invalidField("lastDay", "must not be before firstDay");
        }
        if (!in.claimClosesAt().isAfter(in.claimOpensAt())) {
            throw ProblemException.invalidField("claimClosesAt", "must be after claimOpensAt");
        }
        e.slug = in.slug();
        e.name = in.name();
        e.timeZone = in.timeZone();
        e.firstDay = in.firstDay();
        e.lastDay = in.lastDay();
        e.claimOpensAt = in.claimOpensAt();
        e.claimClosesAt = in.claimClosesAt();
        e.maxTicketsPerResident = in.maxTicketsPerResident();
        e.maxPartySize = in.maxPartySize();
        e.territories.clear();
        for (String code : in.territories()) {
            Territory t = Territory.findByCode(code);
            if (t == null) {
                throw ProblemException.invalidField("territories", "unknown territory '" + code + "'");
            }
            e.territories.add(t);
        }
    }
}
