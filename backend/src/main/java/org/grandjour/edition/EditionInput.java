package org.grandjour.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
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
        @Schema(required = true, description = "The name, in French") @NotBlank @Size(max = 200) String name,
        @Schema(description = "The name in English; absent: the same as in French") @Size(max = 200) String nameEn,
        @Schema(required = true, examples = "Europe/Paris") @NotBlank String timeZone,
        @Schema(required = true) @NotNull LocalDate firstDay,
        @Schema(required = true) @NotNull LocalDate lastDay,
        @Schema(required = true) @NotNull Instant claimOpensAt,
        @Schema(required = true) @NotNull Instant claimClosesAt,
        @Schema(required = true) @NotNull @Min(1) @Max(50) Integer maxTicketsPerResident,
        @Schema(required = true) @NotNull @Min(1) @Max(50) Integer maxPartySize,
        @Schema(required = true, description = "Codes of the participating territories") @NotEmpty List<@NotBlank String> territories,
        @Schema(description = "How places are allocated; FIRST_COME when absent", enumeration = {"FIRST_COME", "BALLOT"})
        @Pattern(regexp = "FIRST_COME|BALLOT", message = "FIRST_COME or BALLOT") String allocationMode,
        @Schema(description = "BALLOT: applications are taken from this instant") Instant applicationOpensAt,
        @Schema(description = "BALLOT: until (not at) this instant") Instant applicationClosesAt,
        @Schema(description = "BALLOT: when the draw is planned, at or after the window closes") Instant drawAt,
        @Schema(description = "BALLOT: most ranked choices per application, 5 when absent", minimum = "1", maximum = "20")
        @Min(1) @Max(20) Integer maxChoices,
        @Schema(description = "BALLOT: the public value the draw will use, named in advance", examples = "EuroMillions draw of 2026-03-06")
        @Size(max = 300) String publicValueSource,
        @Schema(description = "BALLOT: share of each offer's places held first for a participating territory's residents")
        List<@NotNull @Valid TerritoryShare> territoryShares,
        @Schema(description = "Walk-ups: places free on the day are given at the door in the last this-many minutes of each "
                + "offer's opening hours; absent: no walk-ups", minimum = "1", maximum = "1440")
        @Min(1) @Max(1440) Integer walkUpMinutes,
        @Schema(description = "Confirmation deadline: tickets not confirmed by the visit day minus this many days, at confirmAtTime "
                + "(edition's zone), are released to the waiting list after a last warning mail; no deadline when absent. "
                + "0 to 30, given together with confirmAtTime (else 422 invalid-confirmation-deadline)", examples = "1")
        Integer confirmDaysBefore,
        @Schema(implementation = String.class, format = "partial-time", description = "Time of day of the confirmation deadline, "
                + "in the edition's zone; given together with confirmDaysBefore") java.time.LocalTime confirmAtTime,
        @Schema(description = "Overbooking: hand out, per offer with comparable history, as many places beyond capacity as keep "
                + "the chance that more persons arrive than the capacity at or under this percentage (above 0, at most 20; 1 is usual); "
                + "no overbooking when absent (else 422 invalid-overbooking-risk)", examples = "1") java.math.BigDecimal overbookingRisk) {

    @Schema(description = "A whole percentage of each offer's places held for one territory")
    public record TerritoryShare(
            @Schema(required = true, examples = "FR-62") @NotBlank String territory,
            @Schema(required = true, minimum = "1", maximum = "100") @NotNull @Min(1) @Max(100) Integer percent) {
    }
}
