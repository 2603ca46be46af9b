package org.grandjour.offer;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.attraction.Category;

@Path("/api/editions/{editionId}/offers")
@Tag(name = "Offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {
    @Inject
    OfferService offers;

    @SecurityRequirements // public: no login
    @GET
    @Operation(operationId = "listOffers", summary = "The offers of an edition with places left, filtered by day, territory or category")
    @APIResponse(responseCode = "200", description = "The offers, by day then attraction name")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<OfferView> list(
            @PathParam("editionId") long editionId,
            @Parameter(description = "Only this day (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("day") String day,
            @Parameter(description = "Only attractions of this territory code", example = "FR-62")
            @QueryParam("territory") String territory,
            @Parameter(description = "Only this category", schema = @Schema(implementation = Category.class))
            @QueryParam("category") String category) {
        return offers.list(editionId, OfferFilter.parse(day, territory, category));
    }
}
