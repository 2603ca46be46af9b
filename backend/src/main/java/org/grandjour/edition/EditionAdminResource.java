package org.grandjour.edition;

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

/**
 * Organisers set up editions. Mapped at /api/admin, not /api/admin/editions: an edition's offers
 * (/api/admin/editions/{id}/offers) are {@code OfferAdminResource}'s, and Quarkus REST sends every request
 * under a class's path to that class alone (a 404 for the offers).
 */
@Path("/api/admin")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EditionAdminResource {
    @Inject
    EditionAdminService editions;
    @Inject
    Caller caller;
    @Inject
    org.grandjour.overbooking.OverbookingService overbooking;

    @POST
    @Path("/editions")
    @Operation(operationId = "createEdition", summary = "Set up a new edition")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response createEdition(@NotNull @Valid EditionInput input) {
        EditionView created = editions.create(caller.username(), input);
        return Response.created(URI.create("/api/editions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/editions/{id}")
    @Operation(operationId = "updateEdition", summary = "Change an edition's name, days, claim window, limits or territories")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public EditionView updateEdition(@PathParam("id") long id, @NotNull @Valid EditionInput input) {
        EditionView updated = editions.update(caller.username(), id, input);
        // once the edition is committed: each offer's allowance follows the risk (and the days: the history),
        // one offer at a time, so the model's computation never holds the edition's claims
        if (updated.overbookingRisk() != null || overbooking.anyAllowance(id)) {
            overbooking.recomputeEdition(id);
        }
        return updated;
    }
}
