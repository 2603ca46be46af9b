package org.grandjour.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new capacity for an offer, in persons, and optionally its overbooking")
public record CapacityChange(
        @Schema(required = true, minimum = "0", maximum = "100000")
        @NotNull @Min(value = 0, message = "must not be negative") @Max(value = 100000, message = "must be at most 100000") Integer capacity,
        @Schema(description = "Overbooking of this offer: EDITION follows the edition's risk (the default), OFF never, CUSTOM uses "
                + "overbookingRisk; absent = unchanged. CUSTOM for an offer without comparable history is 422 overbooking-without-history",
                enumeration = {"EDITION", "OFF", "CUSTOM"})
        @jakarta.validation.constraints.Pattern(regexp = "EDITION|OFF|CUSTOM", message = "EDITION, OFF or CUSTOM") String overbooking,
        @Schema(description = "CUSTOM: the risk in percent (above 0, at most 20)", examples = "0.5") java.math.BigDecimal overbookingRisk) {

    public CapacityChange(Integer capacity) {
        this(capacity, null, null);
    }
}
