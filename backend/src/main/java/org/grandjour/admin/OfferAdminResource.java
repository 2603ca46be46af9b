package org.grandjour.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.offer.OfferView;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/admin/offers/{offerId}")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OfferAdminResource {
    @Inject
    OfferAdminService offers;
    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/capacity")
    @Operation(operationId = "changeOfferCapacity", summary = "Change an offer's capacity; never below what is booked")
    @APIResponse(responseCode = "200", description = "The offer with its new capacity and places left")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OfferView changeCapacity(@PathParam("offerId") long offerId,
                                    @NotNull(message = "a JSON body {capacity} is required") @Valid CapacityChange change) {
        return offers.changeCapacity(identity.getPrincipal().getName(), offerId, change.capacity());
    }
}
