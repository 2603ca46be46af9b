package org.grandjour.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
    @Inject
    org.grandjour.waitlist.WaitlistService waitlists;
    @Inject
    java.time.Clock clock;
    @Inject
    org.grandjour.overbooking.OverbookingService overbooking;

    /**
     * Capacity can grow or shrink, never below what is already booked: capacity and places left move
     * together with the offer's quota locked, so a claim racing with the change cannot be lost or oversold.
     * The places left are spread anew over as many slices as the new capacity calls for.
     */
    @Transactional
    public OfferView changeCapacity(String actor, long offerId, int capacity) {
        return changeCapacity(actor, offerId, new CapacityChange(capacity));
    }

    /**
     * ... and the offer's overbooking choice: the allowance beyond capacity is recomputed for the new
     * capacity (see overbooking/OverbookingService), in the same transaction and under the same locks.
     */
    @Transactional
    public OfferView changeCapacity(String actor, long offerId, CapacityChange change) {
        int capacity = change.capacity();
        // Capacity changes of one offer queue on its row first, so that the second sees the slices the first
        // added (claims only take the row's KEY SHARE, through the ticket's foreign key, which this does not block).
        em.createNativeQuery("select id from offer where id = ?1 for no key update").setParameter(1, offerId).getResultList();
        List<OfferQuota.SliceRow> slices = quota.lockAll(offerId); // in slice order, as any claim that waits
        Offer offer = em.find(Offer.class, offerId); // read once locked: a concurrent change has committed
        if (offer == null) {
            throw ProblemException.notFound("Offer", offerId);
        }
        if (offer.edition.dayOf(clock.instant()).isAfter(offer.edition.lastDay)) {
            // its figures are history now (the next edition's overbooking learns from them)
            throw ProblemType.EDITION_FINISHED.exception(offer.edition.name + " ended on " + offer.edition.lastDay
                    + ": its capacities are kept as they were.");
        }
        int before = offer.capacity;
        int booked = before + offer.overbookingAllowance - OfferQuota.placesIn(slices); // the allowance's places are in the slices too
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
        offer.overbookingAllowance = 0; // the slices now hold capacity - booked; recompute adds the new allowance
        overbooking.choose(offer, change.overbooking(), change.overbookingRisk());
        em.flush();
        overbooking.recompute(offer);
        places = quota.remaining(offerId);
        offer.remaining = places; // read-only in the entity (a formula): no reload needed
        audit.record(actor, "offer.capacity", "offer", offerId, Map.of("from", before, "to", capacity,
                "overbooking", offer.overbookingMode, "allowance", offer.overbookingAllowance));
        if (places > 0) {
            waitlists.refill(offerId, clock.instant()); // new places go to whoever waits first
            offer.remaining = quota.remaining(offerId);
        }
        live.changed(offer.edition.id);
        return OfferView.of(offer);
    }

    /** Slices 0..count-1 sharing the places as evenly as can be, the first ones taking the remainder. */
    private static List<OfferQuota.SliceRow> spread(int places, int count) {
        return IntStream.range(0, count).mapToObj(i -> new OfferQuota.SliceRow(i, places / count + (i < places % count ? 1 : 0))).toList();
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
        if (in.opensAt() != null) {
            o.opensAt = in.opensAt();
        }
        if (in.closesAt() != null) {
            o.closesAt = in.closesAt();
        }
        if (!o.closesAt.isAfter(o.opensAt)) {
            throw ProblemException.invalidField("closesAt", "must be after the opening time " + o.opensAt);
        }
        o.edition = e;
        o.attraction = a;
        o.day = in.day();
        o.capacity = in.capacity();
        o.remaining = in.capacity(); // what its quota slices hold once inserted
        o.persist();
        overbooking.choose(o, in.overbooking(), in.overbookingRisk());
        em.flush();
        overbooking.recompute(o);
        o.remaining = quota.remaining(o.id);
        audit.record(actor, "offer.create", "offer", o.id, Map.of("attraction", a.slug, "day", in.day().toString(), "capacity", in.capacity()));
        live.changed(editionId);
        return OfferView.of(o);
    }
}
