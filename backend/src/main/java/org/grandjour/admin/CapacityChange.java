package org.grandjour.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new capacity for an offer, in persons")
public record CapacityChange(
        @Schema(required = true, minimum = "0", maximum = "100000")
        @NotNull @Min(value = 0, message = "must not be negative") @Max(value = 100000, message = "must be at most 100000") Integer capacity) {
}
