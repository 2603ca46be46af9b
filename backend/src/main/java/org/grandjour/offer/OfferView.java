package org.grandjour.offer;

import java.time.LocalDate;
import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.attraction.AttractionView;

@Schema(description = "An attraction's free entries for one day of an edition")
public record OfferView(
        @Schema(required = true) long id,
        @Schema(required = true) long editionId,
        @Schema(required = true) LocalDate day,
        @Schema(required = true, description = "The edition's IANA time zone, in which the day begins and ends", examples = "Europe/Paris") String timeZone,
        @Schema(required = true, description = "Free entries offered, in persons") int capacity,
        @Schema(required = true, description = "Entries still free, in persons") int remaining,
        @Schema(implementation = String.class, format = "partial-time", required = true, description = "Opening time on the day, in the edition's zone") LocalTime opensAt,
        @Schema(implementation = String.class, format = "partial-time", required = true, description = "Closing time on the day, in the edition's zone") LocalTime closesAt,
        @Schema(required = true) AttractionView attraction) {

    public static OfferView of(Offer o) {
        return new OfferView(o.id, o.edition.id, o.day, o.edition.timeZone, o.capacity, o.remaining, o.opensAt, o.closesAt,
                AttractionView.of(o.attraction));
    }
}
