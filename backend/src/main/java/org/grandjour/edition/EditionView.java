package org.grandjour.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.territory.TerritoryView;

@Schema(description = "One Grand Jour edition")
public record EditionView(
        @Schema(required = true) long id,
        @Schema(required = true, examples = "grand-jour-2010") String slug,
        @Schema(required = true, description = "The name in French (see names)") String name,
        @Schema(required = true, description = "The name in both languages") org.grandjour.common.Localized names,
        @Schema(required = true, description = "Time zone in which the days are counted", examples = "Europe/Paris") String timeZone,
        @Schema(required = true) LocalDate firstDay,
        @Schema(required = true) LocalDate lastDay,
        @Schema(required = true, description = "Every day of the edition, first to last") List<LocalDate> days,
        @Schema(required = true) Instant claimOpensAt,
        @Schema(required = true) Instant claimClosesAt,
        @Schema(required = true, description = "Whether residents can claim right now") boolean claimOpen,
        @Schema(required = true, description = "True for the one edition the public site shows by default") boolean current,
        @Schema(required = true) int maxTicketsPerResident,
        @Schema(required = true) int maxPartySize,
        @Schema(required = true) List<TerritoryView> territories,
        @Schema(required = true, enumeration = {"FIRST_COME", "BALLOT"}) String allocationMode,
        Instant applicationOpensAt,
        Instant applicationClosesAt,
        @Schema(required = true, description = "Whether residents can apply to the ballot right now") boolean applicationOpen,
        Instant drawAt,
        @Schema(required = true) int maxChoices,
        String publicValueSource,
        @Schema(description = "BALLOT: SHA-256 of the secret seed, hex, published before the window opens") String ballotCommitment,
        @Schema(required = true) List<ShareView> territoryShares,
        @Schema(nullable = true, description = "Walk-ups in the last this-many minutes of the opening hours; null: none") Integer walkUpMinutes,
        @Schema(description = "Confirmation deadline: days before the visit day; none when absent") Integer confirmDaysBefore,
        @Schema(implementation = String.class, format = "partial-time", description = "Confirmation deadline: time of day, edition's zone")
        java.time.LocalTime confirmAtTime,
        @Schema(description = "Overbooking risk per offer and day, in percent; none = no overbooking") java.math.BigDecimal overbookingRisk) {

    @Schema(description = "A territory's share of each offer's places")
    public record ShareView(@Schema(required = true) String territory, @Schema(required = true) int percent) {
    }
}
