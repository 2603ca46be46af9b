package org.grandjour.ballot;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(description = "The public report of an edition's ballot: the commitment before the draw; the inputs, hashes and figures after")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawReport(
        @Schema(required = true) long editionId,
        @Schema(required = true, enumeration = {"OPEN_SOON", "OPEN", "CLOSED", "DRAWN"}) String stage,
        @Schema(required = true, description = "Version of the documented draw algorithm") String algorithm,
        @Schema(required = true, description = "SHA-256 of the secret seed, hex, published in advance") String commitment,
        @Schema(description = "The public value the draw uses, as named in advance") String publicValueSource,
        @Schema(required = true) Instant applicationOpensAt,
        @Schema(required = true) Instant applicationClosesAt,
        @Schema(required = true) Instant drawAt,
        @Schema(description = "Once the window has closed: SHA-256 of the snapshot file, hex") String snapshotHash,
        @Schema(description = "After the draw: the seed, 64 hex digits") String seed,
        @Schema(description = "After the draw: the public value used") String publicValue,
        @Schema(description = "After the draw: SHA-256 of the result file, hex") String resultHash,
        @Schema(description = "After the draw") Instant drawnAt,
        @Schema(description = "After the draw") Figures figures,
        @Schema(description = "How anyone checks the draw with the standalone verifier") String verify) {

    @Schema(name = "DrawFigures", description = "The draw's figures") // not the live figures' "Figures"
    public record Figures(
            @Schema(required = true, description = "Applications drawn") int applications,
            @Schema(required = true) int persons,
            @Schema(required = true, description = "Applications that won a place") int winners,
            @Schema(required = true) int personsWon,
            @Schema(required = true) int waitlisted,
            @Schema(required = true) int withdrawn,
            @Schema(required = true) int disqualified,
            @Schema(required = true) List<ReasonCount> disqualificationReasons,
            @Schema(required = true, description = "Per applicants' territory (null: outside every named territory)") List<TerritoryOdds> territories) {
    }

    @Schema(description = "How many applications were disqualified for one reason")
    public record ReasonCount(@Schema(required = true) String reason, @Schema(required = true) int count) {
    }

    @Schema(description = "Applications and winners from one territory")
    public record TerritoryOdds(String territory, @Schema(required = true) int applications, @Schema(required = true) int winners,
                                @Schema(required = true, description = "winners / applications") double odds) {
    }
}
