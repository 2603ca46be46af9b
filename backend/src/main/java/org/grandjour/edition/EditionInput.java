package org.grandjour.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An edition as organisers set it up")
public record EditionInput(
        @Schema(required = true, examples = "grand-jour-2027") @NotBlank @Size(max = 80)
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters, digits and dashes") String slug,
        @Schema(required = true) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, examples = "Europe/Paris") @NotBlank String timeZone,
        @Schema(required = true) @NotNull LocalDate firstDay,
        @Schema(required = true) @NotNull LocalDate lastDay,
        @Schema(required = true) @NotNull Instant claimOpensAt,
        @Schema(required = true) @NotNull Instant claimClosesAt,
        @Schema(required = true) @NotNull @Min(1) @Max(50) Integer maxTicketsPerResident,
        @Schema(required = true) @NotNull @Min(1) @Max(50) Integer maxPartySize,
        @Schema(required = true, description = "Codes of the participating territories") @NotEmpty List<@NotBlank String> territories) {
}
