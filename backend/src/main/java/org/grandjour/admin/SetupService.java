package org.grandjour.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.AttractionView;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.edition.EditionService;
import org.grandjour.edition.EditionView;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferView;
import org.grandjour.territory.Territory;
import org.grandjour.territory.TerritoryView;

/** Organisers set up editions, territories, attractions and offers; every change goes to the audit log. */
@ApplicationScoped
@Transactional
public class SetupService {
    @Inject
    AuditLog audit;
    @Inject
    EditionService editions;

    public EditionView createEdition(String actor, EditionInput in) {
        if (Edition.findBySlug(in.slug()) != null) {
            throw ProblemType.ALREADY_EXISTS.exception("An edition with slug '" + in.slug() + "' already exists.");
        }
        Edition e = new Edition();
        apply(e, in);
        e.persist();
        audit.record(actor, "edition.create", "edition", e.id, Map.of("slug", in.slug()));
        return editions.view(e);
    }

    public EditionView updateEdition(String actor, long id, EditionInput in) {
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
        zone("timeZone", in.timeZone());
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

    public TerritoryView saveTerritory(String actor, String code, TerritoryInput in) {
        zone("timeZone", in.timeZone());
        try {
            java.util.regex.Pattern.compile(in.postcodePattern());
        } catch (PatternSyntaxException e) {
            throw ProblemException.invalidField("postcodePattern", "not a valid regular expression: " + e.getDescription());
        }
        Territory t = Territory.findByCode(code);
        boolean created = t == null;
        if (created) {
            t = new Territory();
            t.code = code;
        }
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttractionView> attractions() {
        return Attraction.<Attraction>list("select a from Attraction a join fetch a.territory order by a.nameFr").stream()
                .map(AttractionView::of).toList();
    }

    public AttractionView createAttraction(String actor, AttractionInput in) {
        if (Attraction.findBySlug(in.slug()) != null) {
            throw ProblemType.ALREADY_EXISTS.exception("An attraction with slug '" + in.slug() + "' already exists.");
        }
        Attraction a = new Attraction();
        apply(a, in);
        a.persist();
        audit.record(actor, "attraction.create", "attraction", a.id, Map.of("slug", in.slug()));
        return AttractionView.of(a);
    }

    public AttractionView updateAttraction(String actor, long id, AttractionInput in) {
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

    public OfferView createOffer(String actor, long editionId, OfferInput in) {
        Edition e = editions.get(editionId);
        Attraction a = Attraction.findById(in.attractionId());
        if (a == null) {
            throw ProblemException.invalidField("attractionId", "unknown attraction " + in.attractionId());
        }
        if (in.day().isBefore(e.firstDay) || in.day().isAfter(e.lastDay)) {
            throw ProblemException.invalidField("day", "must be a day of the edition (" + e.firstDay + " to " + e.lastDay + ")");
        }
        if (Offer.count("edition = ?1 and attraction = ?2 and day = ?3", e, a, in.day()) > 0) {
            throw ProblemType.ALREADY_EXISTS.exception(a.nameEn + " already has an offer on " + in.day() + ": change its capacity.");
        }
        Offer o = new Offer();
        o.edition = e;
        o.attraction = a;
        o.day = in.day();
        o.capacity = in.capacity();
        o.remaining = in.capacity(); // what its quota slices hold once inserted
        o.persist();
        audit.record(actor, "offer.create", "offer", o.id, Map.of("attraction", a.slug, "day", in.day().toString(), "capacity", in.capacity()));
        return OfferView.of(o);
    }

    private static void zone(String field, String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + zone + "' is not a time zone (e.g. Europe/Paris)");
        }
    }
}
