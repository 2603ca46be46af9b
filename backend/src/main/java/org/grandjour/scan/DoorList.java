package org.grandjour.scan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.ticket.TicketKeyView;
import org.grandjour.ticket.TicketStatus;

@Schema(description = "What a door device needs to check tickets offline for one attraction and day")
public record DoorList(
        @Schema(required = true) long attractionId,
        @Schema(required = true) LocalDate day,
        @Schema(required = true, description = "The IANA time zone the day is counted in: the edition's (the attraction's territory's when it has no offer that day)", examples = "Europe/Paris") String timeZone,
        @Schema(required = true) Instant generatedAt,
        @Schema(required = true, description = "Persons admitted so far at this door on this day") int personsAdmitted,
        @Schema(required = true) List<DoorTicket> tickets,
        @Schema(required = true) List<TicketKeyView> keys) {

    @Schema(description = "One ticket expected at the door")
    public record DoorTicket(
            @Schema(required = true) long ticketId,
            @Schema(required = true, description = "The code, for typed entry") String code,
            @Schema(required = true) int partySize,
            @Schema(required = true) int personsAdmitted,
            @Schema(required = true) TicketStatus status,
            @Schema(nullable = true, description = "Holder's first name") String holderFirstName) {
    }
}
