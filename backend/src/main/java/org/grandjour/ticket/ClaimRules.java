package org.grandjour.ticket;

import java.time.Instant;

import org.grandjour.common.ProblemException;
import org.grandjour.common.ProblemType;
import org.grandjour.edition.Edition;
import org.grandjour.offer.Offer;
import org.grandjour.territory.Territory;

/**
 * The rules of a claim that need no database: who may claim, when, and for how many. Each refusal is
 * the problem the API answers. The limits concurrent claims race for (one live ticket per offer,
 * tickets per resident, places) can only be decided by the database, in {@link TicketService}; their
 * refusals are worded here, next to the others.
 */
public final class ClaimRules {
    private ClaimRules() {
    }

    /**
     * The territory through which a resident with this postcode may claim the offer at {@code now}, or
     * the first rule broken, in this order: eligibility, claim window, the day not over, party size.
     */
    static Territory check(Offer offer, String postcode, int partySize, Instant now) {
        Territory territory = territoryOf(offer.edition, postcode);
        if (offer.edition.ballot()) {
            throw ProblemType.BALLOT_EDITION.exception("Places of " + offer.edition.name
                    + " are allocated by ballot: apply at /api/editions/" + offer.edition.id + "/my-application.");
        }
        claimWindowOpen(offer.edition, now);
        dayNotOver(offer, now);
        partySizeAllowed(offer.edition, partySize);
        return territory;
    }

    /** The participating territory covering the postcode: only its residents may claim. */
    public static Territory territoryOf(Edition edition, String postcode) {
        Territory territory = edition.territoryOf(postcode);
        if (territory != null) {
            return territory;
        }
        String where = String.join(", ", edition.territories.stream().map(t -> t.nameEn).toList());
        throw ProblemType.NOT_ELIGIBLE.exception(postcode == null || postcode.isBlank()
                ? "Your account has no postcode: add it to your profile to claim free entries."
                : "Free entries of " + edition.name + " are for residents of " + where + "; postcode "
                        + Territory.normalisePostcode(postcode) + " is not in these territories.");
    }

    /** From the instant the window opens, until (not at) the instant it closes. */
    static void claimWindowOpen(Edition edition, Instant now) {
        if (!edition.claimOpenAt(now)) {
            throw ProblemType.CLAIM_WINDOW_CLOSED.exception(now.isBefore(edition.claimOpensAt)
                    ? "Claims for " + edition.name + " open at " + edition.claimOpensAt + "."
                    : "Claims for " + edition.name + " closed at " + edition.claimClosesAt + ".");
        }
    }

    /** A day can be claimed until it is over in the edition's zone, even once it has begun. */
    static void dayNotOver(Offer offer, Instant now) {
        if (!now.isBefore(offer.endsAt())) {
            throw ProblemType.CLAIM_WINDOW_CLOSED.exception(offer.day + " is over: claims for it are closed.");
        }
    }

    /** 1 to the edition's largest party (the request's own bounds, 1..50, are checked before the service). */
    public static void partySizeAllowed(Edition edition, int partySize) {
        if (partySize < 1) {
            throw ProblemException.invalidField("partySize", "must be at least 1 person");
        }
        if (partySize > edition.maxPartySize) {
            throw ProblemException.invalidField("partySize", "at most " + edition.maxPartySize + " persons per ticket in " + edition.name);
        }
    }

    /** Refused by the database: the resident already holds a live ticket for the offer. */
    static ProblemException alreadyHoldsTicket(Offer offer) {
        return ProblemType.LIMIT_REACHED.exception("You already have a ticket for " + offer.attraction.nameEn
                + " on " + offer.day + ": one ticket per attraction and day (cancel it to change the party size).")
                .limit("per-offer");
    }

    /** Refused by the database: the resident holds as many live tickets as the edition allows. */
    static ProblemException tooManyTickets(Edition edition) {
        return ProblemType.LIMIT_REACHED.exception("You already hold " + edition.maxTicketsPerResident
                + " tickets for " + edition.name + ", the most one resident may hold.").limit("per-resident");
    }

    /** Refused by the database: fewer places left than the party. */
    static ProblemException notEnoughPlaces(Offer offer, int left, int partySize) {
        return ProblemType.SOLD_OUT.exception(left == 0
                ? offer.attraction.nameEn + " is fully booked on " + offer.day + "."
                : "Only " + left + (left == 1 ? " place" : " places") + " left at " + offer.attraction.nameEn + " on " + offer.day
                        + ": not enough for a party of " + partySize + ".").remaining(left);
    }
}
