package org.grandjour.admin;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new offer: an attraction's free entries on one day of the edition")
public record OfferInput(
        @Schema(required = true) @NotNull Long attractionId,
        @Schema(required = true) @NotNull LocalDate day,
        @Schema(required = true) @NotNull @Min(0) @Max(100000) Integer capacity,
        @Schema(implementation = String.class, format = "partial-time", description = "Opening time on the day, in the edition's zone (10:00 when not given); tickets can be released until then") LocalTime opensAt,
        @Schema(implementation = String.class, format = "partial-time", description = "Closing time on the day (18:00 when not given)") LocalTime closesAt,
        @Schema(description = "Overbooking of this offer: EDITION follows the edition's risk (the default), OFF never, CUSTOM uses "
                + "overbookingRisk; absent = unchanged. CUSTOM for an offer without comparable history is 422 overbooking-without-history",
                enumeration = {"EDITION", "OFF", "CUSTOM"})
        @jakarta.validation.constraints.Pattern(regexp = "EDITION|OFF|CUSTOM", message = "EDITION, OFF or CUSTOM") String overbooking,
        @Schema(description = "CUSTOM: the risk in percent (above 0, at most 20)", examples = "0.5") java.math.BigDecimal overbookingRisk) {
}
