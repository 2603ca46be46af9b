package org.grandjour.ballot;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The organisers' view of a ballot: figures, demand per offer and possible duplicate applicants")
public record BallotOverview(
        @Schema(required = true) long editionId,
        @Schema(required = true, description = "Applications taking part (submitted, or drawn)") int applications,
        @Schema(required = true) int persons,
        @Schema(required = true) int withdrawn,
        @Schema(required = true) int disqualified,
        @Schema(required = true, description = "Whether disqualifications are still possible (the window is open)") boolean disqualificationOpen,
        @Schema(required = true) boolean drawn,
        @Schema(required = true) List<OfferDemand> demand,
        @Schema(required = true) List<DuplicateGroup> duplicates) {

    @Schema(description = "Demand for one offer")
    public record OfferDemand(@Schema(required = true) long offerId, @Schema(required = true) String attraction,
                              @Schema(required = true) LocalDate day, @Schema(required = true) int places,
                              @Schema(required = true) int firstChoices, @Schema(required = true) int firstChoicePersons,
                              @Schema(required = true) int allChoices, @Schema(required = true) int allChoicePersons) {
    }

    @Schema(description = "Applications that may come from one person")
    public record DuplicateGroup(@Schema(required = true, enumeration = {"NAME_POSTCODE", "EMAIL"}) String match,
                                 @Schema(required = true) String key, @Schema(required = true) List<Applicant> applications) {
    }

    @Schema(description = "One application in a duplicates group")
    public record Applicant(@Schema(required = true) long applicationId, @Schema(required = true) String drawId,
                            String username, String name, String postcode, String email,
                            @Schema(required = true) String status, String disqualifiedReason) {
    }
}
