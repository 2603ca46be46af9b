package org.grandjour.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
     * The places left are spread anew over as many slices as the new capacity calls for.
     */
    @Transactional
    public OfferView changeCapacity(String actor, long offerId, int capacity) {
        // Capacity changes of one offer queue on its row first, so that the second sees the slices the first
        // added (claims only take the row's KEY SHARE, through the ticket's foreign key, which this does not block).
        em.createNativeQuery("select id from offer where id = ?1 for no key update").setParameter(1, offerId).getResultList();
        List<OfferQuota.SliceRow> slices = quota.lockAll(offerId); // in slice order, as any claim that waits
        Offer offer = em.find(Offer.class, offerId); // read once locked: a concurrent change has committed
        if (offer == null) {
            throw ProblemException.notFound("Offer", offerId);
        }
        int before = offer.capacity;
        int booked = before - OfferQuota.placesIn(slices);
        if (capacity < booked) {
            throw ProblemType.CAPACITY_BELOW_BOOKED.exception(booked + " persons are already booked for " + offer.attraction.nameEn
                    + " on " + offer.day + ": the capacity cannot go below " + booked + ".").booked(booked);
        }
        int wanted = quota.slicesFor(capacity);
        if (wanted > slices.size()) {
            quota.addSlices(offerId, slices.size(), wanted);
        }
        int places = capacity - booked;
        quota.set(offerId, spread(places, Math.max(slices.size(), wanted))); // slices are never removed: claims may be using them
        offer.capacity = capacity;
        offer.remaining = places; // read-only in the entity (a formula): no reload needed
        audit.record(actor, "offer.capacity", "offer", offerId, Map.of("from", before, "to", capacity));
        live.changed(offer.edition.id);
        return OfferView.of(offer);
    }

    /** Slices 0..count-1 sharing the places as evenly as can be, the first ones taking the remainder. */
    private static List<OfferQuota.SliceRow> spread(int places, int count) {
        return IntStream.range(0, count).mapToObj(i -> new OfferQuota.SliceRow(i, places / count + (i < places % count ? 1 : 0))).toList();
    }
}
