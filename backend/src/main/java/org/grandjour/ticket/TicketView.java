package org.grandjour.ticket;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.offer.OfferView;

@Schema(description = "A resident's ticket: one QR code admitting a party to one offer")
public record TicketView(
        @Schema(required = true) long id,
        @Schema(required = true, description = "Unguessable code, also typed at the door when a QR cannot be read", examples = "7KQ2-M9XD-4TRB-HC3N") String code,
        @Schema(required = true) TicketStatus status,
        @Schema(required = true) int partySize,
        @Schema(required = true, description = "Persons of the party already admitted") int personsAdmitted,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "When the ticket was cancelled") Instant cancelledAt,
        @Schema(nullable = true, description = "Holder's name as on the account") String holderName,
        @Schema(required = true, description = "Whether the holder may still release it (give its places back)") boolean cancellable,
        @Schema(required = true, description = "Until when it can be released: the attraction's opening on the day") Instant releasableUntil,
        @Schema(nullable = true, description = "When the holder said they still come") Instant confirmedAt,
        @Schema(required = true, description = "The signed QR payload GJ1.<kid>.<claims>.<signature>") String qrPayload,
        @Schema(required = true) OfferView offer) {
}
