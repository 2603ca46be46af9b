package org.grandjour.ticket;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.offer.OfferView;

/** What a mail's link does, shown before it is used; no names: a link may be forwarded. */
@Schema(description = "A one-click link from a mail, acting once on one ticket without logging in")
public record TicketLinkView(
        @Schema(required = true) TicketLinkAction action,
        @Schema(required = true, description = "The link works until then (the attraction's opening on the day)") Instant expiresAt,
        @Schema(nullable = true, description = "When the link was used; a used link does nothing more") Instant usedAt,
        @Schema(required = true) TicketStatus ticketStatus,
        @Schema(required = true) int partySize,
        @Schema(nullable = true, description = "When the holder said they still come") Instant confirmedAt,
        @Schema(required = true) OfferView offer) {
}
