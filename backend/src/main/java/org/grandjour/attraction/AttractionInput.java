package org.grandjour.attraction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An attraction as organisers set it up")
public record AttractionInput(
        @Schema(required = true) @NotBlank @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters, digits and dashes") String slug,
        @Schema(required = true) @NotBlank String territory,
        @Schema(required = true) @NotNull Category category,
        @Schema(required = true) @NotBlank @Size(max = 200) String nameFr,
        @Schema(required = true) @NotBlank @Size(max = 200) String nameEn,
        @Size(max = 2000) String descriptionFr,
        @Size(max = 2000) String descriptionEn,
        @Schema(required = true) @NotBlank @Size(max = 300) String address,
        @Schema(required = true) @NotBlank @Size(max = 100) String town,
        @Schema(required = true) @NotBlank @Size(max = 20) String postcode,
        @Size(max = 1000) String accessibilityFr,
        @Size(max = 1000) String accessibilityEn,
        @Schema(required = true) @NotNull Boolean active) {
}
