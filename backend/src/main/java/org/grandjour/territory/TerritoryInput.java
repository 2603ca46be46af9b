package org.grandjour.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A territory and its postcode rule")
public record TerritoryInput(
        @Schema(required = true) @NotBlank @Size(max = 100) String nameFr,
        @Schema(required = true) @NotBlank @Size(max = 100) String nameEn,
        @Schema(required = true, examples = "FR") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "two capital letters (ISO 3166)") String country,
        @Schema(required = true, examples = "fr") @NotBlank @Size(max = 10) String language,
        @Schema(required = true, examples = "Europe/Paris") @NotBlank String timeZone,
        @Schema(required = true, description = "Regular expression matched against the upper-cased postcode", examples = "^62[0-9]{3}$")
        @NotBlank @Size(max = 300) String postcodePattern) {
}
