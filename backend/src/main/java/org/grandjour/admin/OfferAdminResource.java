package org.grandjour.admin;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;
import org.grandjour.offer.OfferView;

@Path("/api/admin")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OfferAdminResource {
    @Inject
    OfferAdminService offers;
    @Inject
    Caller caller;

    @POST
    @Path("/editions/{editionId}/offers")
    @Operation(operationId = "createOffer", summary = "Offer an attraction's free entries on one day of an edition")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response createOffer(@PathParam("editionId") long editionId, @NotNull @Valid OfferInput input) {
        OfferView created = offers.createOffer(caller.username(), editionId, input);
        return Response.created(URI.create("/api/editions/" + editionId + "/offers")).entity(created).build();
    }

    @PUT
    @Path("/offers/{offerId}/capacity")
    @Operation(operationId = "changeOfferCapacity", summary = "Change an offer's capacity (never below what is booked) and its overbooking")
    @APIResponse(responseCode = "200", description = "The offer with its new capacity and places left")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public OfferView changeCapacity(@PathParam("offerId") long offerId,
                                    @NotNull(message = "a JSON body {capacity} is required") @Valid CapacityChange change) {
        return offers.changeCapacity(caller.username(), offerId, change);
    }
}
