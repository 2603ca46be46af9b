package org.grandjour.walkup;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.resident.PostcodeFormat;

@Schema(description = "A party without a ticket, admitted at the door in the last part of the opening hours")
public record WalkUpRequest(
        @Schema(required = true, description = "Chosen by the device for this walk-up: sending it again changes nothing")
        @NotNull UUID walkUpId,
        @Schema(required = true) @NotNull Long attractionId,
        @Schema(required = true, description = "Which device, as it names itself") @NotBlank @Size(max = 100) String deviceId,
        @Schema(required = true, description = "Persons in the party, within the edition's party size")
        @NotNull @Min(value = 1, message = "must be at least 1 person") @Max(value = 50, message = "must be at most 50 persons") Integer persons,
        @Schema(required = true, description = "The resident's postcode, checked against the edition's territories", examples = "62300",
                pattern = PostcodeFormat.PATTERN)
        @NotBlank @Pattern(regexp = PostcodeFormat.PATTERN,
                message = "must be a French postcode (5 digits, e.g. 62300) or a UK postcode (e.g. CT1 2EH)") String postcode) {
}
