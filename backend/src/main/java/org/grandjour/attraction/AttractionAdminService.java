package org.grandjour.attraction;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.admin.AuditLog;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.territory.Territory;

/** Organisers add and change attractions, active or not; every change goes to the audit log. */
@ApplicationScoped
@Transactional
public class AttractionAdminService {
    @Inject
    AuditLog audit;

    /** Every attraction, inactive ones too (residents only ever see the active ones). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttractionView> list() {
        return Attraction.<Attraction>list("select a from Attraction a join fetch a.territory order by a.nameFr").stream()
                .map(AttractionView::of).toList();
    }

    public AttractionView create(String actor, AttractionInput in) {
        if (Attraction.findBySlug(in.slug()) != null) {
            throw ProblemType.ALREADY_EXISTS.exception("An attraction with slug '" + in.slug() + "' already exists.");
        }
        Attraction a = new Attraction();
        apply(a, in);
        a.persist();
        audit.record(actor, "attraction.create", "attraction", a.id, Map.of("slug", in.slug()));
        return AttractionView.of(a);
    }

    public AttractionView update(String actor, long id, AttractionInput in) {
        Attraction a = Attraction.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Attraction", id);
        }
        Attraction sameSlug = Attraction.findBySlug(in.slug());
        if (sameSlug != null && !sameSlug.id.equals(id)) {
            throw ProblemType.ALREADY_EXISTS.exception("Another attraction has slug '" + in.slug() + "'.");
        }
        apply(a, in);
        audit.record(actor, "attraction.update", "attraction", id, Map.of("slug", in.slug(), "active", in.active()));
        return AttractionView.of(a);
    }

    private static void apply(Attraction a, AttractionInput in) {
        Territory t = Territory.findByCode(in.territory());
        if (t == null) {
            throw ProblemException.invalidField("territory", "unknown territory '" + in.territory() + "'");
        }
        a.slug = in.slug();
        a.territory = t;
        a.category = in.category();
        a.nameFr = in.nameFr();
        a.nameEn = in.nameEn();
        a.descriptionFr = in.descriptionFr() == null ? "" : in.descriptionFr();
        a.descriptionEn = in.descriptionEn() == null ? "" : in.descriptionEn();
        a.address = in.address();
        a.town = in.town();
        a.postcode = in.postcode();
        a.accessibilityFr = in.accessibilityFr() == null ? "" : in.accessibilityFr();
        a.accessibilityEn = in.accessibilityEn() == null ? "" : in.accessibilityEn();
        a.active = in.active();
    }
}
