package org.grandjour.admin;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.attraction.Attraction;
import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.edition.EditionService;
import org.grandjour.offer.Offer;
import org.grandjour.offer.OfferQuota;
import org.grandjour.offer.OfferView;

@ApplicationScoped
public class OfferAdminService {
    @Inject
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    OfferQuota quota;
    @Inject
    org.grandjour.stats.LiveCounters live;
    @Inject
    EditionService editions;

    /**
     * Capacity can grow or shrink, never below what is already booked: capacity and places left move
     * together with the offer's quota locked, so a claim racing with the change cannot be lost or oversold.
     */
    @Transactional
    public OfferView changeCapacity(String actor, long offerId, int capacity) {
        Offer offer = em.find(Offer.class, offerId);
        if (offer == null) {
            throw ProblemException.notFound("Offer", offerId);
        }
        int before = offer.capacity;
        OfferQuota.CapacityChange change = quota.changeCapacity(offerId, capacity);
        em.refresh(offer);
        if (!change.changed()) {
            int booked = change.booked();
            throw ProblemType.CAPACITY_BELOW_BOOKED.exception(booked + " persons are already booked for " + offer.attraction.nameEn
                    + " on " + offer.day + ": the capacity cannot go below " + booked + ".").booked(booked);
        }
        audit.record(actor, "offer.capacity", "offer", offerId, Map.of("from", before, "to", capacity));
        live.changed(offer.edition.id);
        return OfferView.of(offer);
    }

    /**
     * A new offer starts with all its places left; the live figures hear of it as of a capacity change
     * (the entries offered grow).
     */
    @Transactional
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
        live.changed(editionId);
        return OfferView.of(o);
    }
}
