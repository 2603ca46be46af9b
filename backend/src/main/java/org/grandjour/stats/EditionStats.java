package org.grandjour.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grandjour.common.Localized;

@Schema(description = "An edition's figures, overall and broken down, all from our own rows")
public record EditionStats(
        @Schema(required = true) long editionId,
        @Schema(required = true) Instant generatedAt,
        @Schema(required = true) Figures overall,
        @Schema(required = true) List<DayFigures> byDay,
        @Schema(required = true) List<TerritoryFigures> byTerritory,
        @Schema(required = true) List<AttractionFigures> byAttraction,
        @Schema(required = true, description = "Persons admitted per attraction and quarter of an hour") List<Arrivals> arrivals,
        @Schema(required = true, description = "Residents' territory against the attraction's") List<CrossBorder> crossBorder,
        @Schema(required = true, description = "Scans per attraction and verdict") List<VerdictCount> verdicts,
        @Schema(required = true, description = "Per offer: its waiting list, places released and refilled, holders' confirmations") List<WaitlistFigures> waitlists,
        @Schema(required = true, description = "Per offer: the overbooking model's inputs, the allowance beyond capacity and the overflow risk it leaves")
        List<OverbookingFigures> overbooking) {

    @Schema(name = "OverbookingFigures", description = "An offer's overbooking: the model's inputs (none without comparable history), "
            + "the places handed out beyond capacity and P(more persons arrive than the capacity) they leave")
    public record OverbookingFigures(@Schema(required = true) long offerId,
                                     @Schema(required = true, enumeration = {"EDITION", "OFF", "CUSTOM"}) String mode,
                                     @Schema(description = "The risk that applies, in percent; none = not overbooked") Double riskPercent,
                                     @Schema(description = "Parties in the comparable history; none = no history, never overbooked") Integer historyParties,
                                     @Schema(description = "History's share of parties that did not come (0..1)") Double noShowRate,
                                     @Schema(description = "Dispersion of the show rate used by the model (beta-binomial intra-class correlation, 0 = binomial)") Double dispersion,
                                     @Schema(required = true, description = "Persons of live tickets confirmed by their holders or admitted, counted as certain to come when the allowance was computed") int certainPersons,
                                     @Schema(required = true, description = "Places handed out beyond capacity") int allowance,
                                     @Schema(description = "P(arrivals > capacity) once capacity + allowance are booked (0..1)") Double overflowRisk,
                                     @Schema(description = "Persons the history's show rate expects not to come, of those booked now; none without history") Long expectedNoShows) {
    }

    @Schema(description = "What became of an offer's released places, and who still waits for one")
    public record WaitlistFigures(@Schema(required = true) long offerId,
                                  @Schema(required = true, description = "Parties waiting now") long waitingParties,
                                  @Schema(required = true, description = "Persons waiting now") long waitingPersons,
                                  @Schema(required = true, description = "Persons on tickets released by their holders (app or mail link)") long releasedPersons,
                                  @Schema(required = true, description = "Persons given a place from the waiting list") long refilledPersons,
                                  @Schema(required = true, description = "Live tickets whose holder said they come") long confirmedTickets,
                                  @Schema(required = true, description = "Live tickets not (yet) confirmed") long unconfirmedTickets,
                                  @Schema(required = true, description = "Persons admitted at the door without a ticket (walk-ups)") long walkUpPersons,
                                  @Schema(description = "Median refill time in milliseconds: from the start of the transaction that gave places back to the ticket it gave (none before a refill)") Integer refillMsMedian,
                                  @Schema(description = "Longest refill time in milliseconds") Integer refillMsMax) {
    }

    @Schema(description = "Figures of one day")
    public record DayFigures(@Schema(required = true) LocalDate day, @Schema(required = true) Figures figures) {
    }

    @Schema(description = "Figures of one territory's attractions")
    public record TerritoryFigures(@Schema(required = true) String territory, @Schema(required = true) Localized name,
                                   @Schema(required = true) Figures figures) {
    }

    @Schema(description = "Figures of one attraction on one day")
    public record AttractionFigures(@Schema(required = true) long attractionId, @Schema(required = true) long offerId,
                                    @Schema(required = true) String slug, @Schema(required = true) Localized name,
                                    @Schema(required = true) String territory, @Schema(required = true) LocalDate day,
                                    @Schema(required = true) Figures figures) {
    }

    @Schema(description = "Persons admitted at one attraction in one quarter of an hour")
    public record Arrivals(@Schema(required = true) long attractionId, @Schema(required = true) LocalDate day,
                           @Schema(required = true) Instant slotStart, @Schema(required = true) long persons) {
    }

    @Schema(description = "Persons from one territory booked and admitted at attractions of another (or the same)")
    public record CrossBorder(@Schema(required = true) String residentTerritory, @Schema(required = true) String attractionTerritory,
                              @Schema(required = true) long booked, @Schema(required = true) long admitted) {
    }

    @Schema(description = "Scans of one verdict at one attraction during the edition")
    public record VerdictCount(@Schema(required = true) long attractionId, @Schema(required = true) String verdict,
                               @Schema(required = true) long scans, @Schema(required = true) long conflicts) {
    }
}
