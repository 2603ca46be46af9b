package org.grandjour.waitlist;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.offer.OfferView;

@Schema(description = "A place on an offer's waiting list")
public record WaitlistEntryView(
        @Schema(required = true) long id,
        @Schema(required = true) OfferView offer,
        @Schema(required = true) int partySize,
        @Schema(required = true, description = "WAITING, SERVED (a ticket was issued) or LEFT") String status,
        @Schema(required = true, description = "JOIN (joined a sold-out offer) or BALLOT (the draw put it there, in draw order)") String source,
        @Schema(nullable = true, description = "While waiting: 1 = next to be served") Integer position,
        @Schema(nullable = true, description = "Parties waiting ahead (their persons are in personsAhead)") Integer partiesAhead,
        @Schema(nullable = true, description = "Persons waiting ahead") Integer personsAhead,
        @Schema(nullable = true, description = "The ticket it got, once served") Long ticketId,
        @Schema(required = true) Instant joinedAt,
        @Schema(nullable = true) Instant servedAt) {
}
