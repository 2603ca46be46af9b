package org.grandjour.resident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The postcode a resident asks to have instead of the registered one")
public record PostcodeChangeInput(
        @Schema(required = true, description = "A French (5 digits) or UK postcode", examples = "62300", pattern = PostcodeFormat.PATTERN)
        @NotNull(message = "is required")
        @Pattern(regexp = PostcodeFormat.PATTERN, message = "must be a French postcode (5 digits, e.g. 62300) or a UK postcode (e.g. CT1 2EH)")
        String postcode) {
}
