package org.grandjour.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why a postcode change is rejected (told to the resident)")
public record PostcodeDecisionInput(
        @Schema(required = true, maxLength = 500) @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String reason) {
}
