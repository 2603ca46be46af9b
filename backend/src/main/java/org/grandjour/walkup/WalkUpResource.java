package org.grandjour.walkup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.grandjour.staff.StaffService;

@Path("/api/walk-ups")
@Tag(name = "Scanning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "organiser"})
public class WalkUpResource {
    @Inject
    WalkUpService walkUps;
    @Inject
    StaffService staff;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "admitWalkUp", summary = "Admit a party without a ticket on a place free today, in the walk-up time")
    @APIResponse(responseCode = "200", description = "Admitted (or the first answer to this walk-up id)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public WalkUpResult admit(@NotNull(message = "a JSON walk-up is required") @Valid WalkUpRequest request) {
        staff.assertMayScan(caller, request.attractionId());
        return walkUps.admit(caller.username(), request);
    }

    @GET
    @Path("/{attractionId}")
    @Operation(operationId = "getWalkUpWindow", summary = "When this door takes walk-ups today and the places free for them")
    @APIResponse(responseCode = "200", description = "Today's walk-up window",
            content = @Content(schema = @Schema(implementation = WalkUpWindow.class)))
    @APIResponse(responseCode = "204", description = "No walk-ups at this door today")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response window(@PathParam("attractionId") long attractionId) {
        staff.assertMayScan(caller, attractionId);
        return walkUps.window(attractionId).map(w -> Response.ok(w).build()).orElseGet(() -> Response.noContent().build());
    }
}
