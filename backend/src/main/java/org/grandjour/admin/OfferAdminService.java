package org.grandjour.admin;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
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
}
