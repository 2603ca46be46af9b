package org.grandjour.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grandjour.attraction.Attraction;
import org.grandjour.attraction.Category;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;

/** Each test builds the rows it needs, with unique slugs, in the shared test database. */
@ApplicationScoped
public class TestData {
    public static final String PAS_DE_CALAIS = "FR-62";
    public static final String NORD = "FR-59";
    public static final String KENT = "GB-KEN";

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The three territories of the demo, created once. */
    @Transactional
    public Territory territory(String code) {
        Territory t = Territory.findByCode(code);
        if (t != null) {
            return t;
        }
        t = new Territory();
        t.code = code;
        switch (code) {
            case PAS_DE_CALAIS -> set(t, "Pas-de-Calais", "Pas-de-Calais", "FR", "^62[0-9]{3}$");
            case NORD -> set(t, "Nord", "Nord", "FR", "^59[0-9]{3}$");
            case KENT -> set(t, "Kent", "Kent", "GB", "^(CT|ME|TN|DA|BR)[0-9]{1,2}[A-Z]? ?[0-9][A-Z]{2}$");
            default -> throw new IllegalArgumentException(code);
        }
        t.persist();
        return t;
    }

    private static void set(Territory t, String fr, String en, String country, String pattern) {
        t.nameFr = fr;
        t.nameEn = en;
        t.country = country;
        t.language = country.equals("GB") ? "en" : "fr";
        t.timeZone = country.equals("GB") ? "Europe/London" : "Europe/Paris";
        t.postcodePattern = pattern;
    }

    @Transactional
    public Edition edition(LocalDate first, LocalDate last, Instant opens, Instant closes, String... territoryCodes) {
        Edition e = new Edition();
        e.slug = unique("edition");
        e.name = "Test " + e.slug;
        e.timeZone = "Europe/Paris";
        e.firstDay = first;
        e.lastDay = last;
        e.claimOpensAt = opens;
        e.claimClosesAt = closes;
        e.maxTicketsPerResident = 4;
        e.maxPartySize = 6;
        for (String code : territoryCodes) {
            e.territories.add(territory(code));
        }
        e.persist();
        return e;
    }

    /** The organisers' input (a changeable map) that describes this edition as it is: Pas-de-Calais only. */
    public static java.util.Map<String, Object> editionInput(Edition edition) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("slug", edition.slug);
        body.put("name", edition.name);
        body.put("timeZone", edition.timeZone);
        body.put("firstDay", edition.firstDay.toString());
        body.put("lastDay", edition.lastDay.toString());
        body.put("claimOpensAt", edition.claimOpensAt.toString());
        body.put("claimClosesAt", edition.claimClosesAt.toString());
        body.put("maxTicketsPerResident", edition.maxTicketsPerResident);
        body.put("maxPartySize", edition.maxPartySize);
        body.put("territories", java.util.List.of(PAS_DE_CALAIS));
        return body;
    }

    @Transactional
    public Attraction attraction(String territoryCode, Category category) {
        Attraction a = new Attraction();
        a.slug = unique("attraction");
        a.territory = territory(territoryCode);
        a.category = category;
        a.nameFr = "Lieu " + a.slug;
        a.nameEn = "Place " + a.slug;
        a.address = "1 rue de la Gare";
        a.town = "Lens";
        a.postcode = "62300";
        a.persist();
        return a;
    }

    @Transactional
    public Offer offer(Edition edition, Attraction attraction, LocalDate day, int capacity) {
        Offer o = new Offer();
        o.edition = Edition.findById(edition.id);
        o.attraction = Attraction.findById(attraction.id);
        o.day = day;
        o.capacity = capacity;
        o.remaining = capacity; // what its quota slices hold once inserted
        o.persist();
        return o;
    }

    @Transactional
    public void openingHours(Offer offer, java.time.LocalTime opens, java.time.LocalTime closes) {
        Offer o = Offer.findById(offer.id);
        o.opensAt = opens;
        o.closesAt = closes;
    }

    /** Walk-ups in the last {@code minutes} of the opening hours (null: none). */
    @Transactional
    public void walkUps(Edition edition, Integer minutes) {
        Edition e = Edition.findById(edition.id);
        e.walkUpMinutes = minutes;
    }

    @Transactional
    public void deactivate(Attraction attraction) {
        Attraction a = Attraction.findById(attraction.id);
        a.active = false;
    }

    /** As if others had taken places: {@code remaining} spread over the offer's quota slices. */
    @Transactional
    public void setRemaining(Offer offer, int remaining) {
        Offer.getEntityManager().createNativeQuery("""
                update offer_quota q set remaining = ?1 / n + case when q.slice < ?1 % n then 1 else 0 end
                from (select count(*)::int n from offer_quota where offer_id = ?2) c where q.offer_id = ?2""")
                .setParameter(1, remaining).setParameter(2, offer.id).executeUpdate();
    }

    @Transactional
    public void assign(String username, Attraction attraction) {
        org.grandjour.staff.StaffAssignment.of(username, attraction.id).persist();
    }
}
