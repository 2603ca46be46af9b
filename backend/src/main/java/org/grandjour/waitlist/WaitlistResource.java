package org.grandjour.waitlist;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;
import org.grandjour.resident.EmailVerification;

/** A resident's places on waiting lists. */
@Path("/api/offers/{offerId}/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "waitlist", description = "Waiting lists: released places go to the next party that fits, automatically")
@RolesAllowed("resident")
public class WaitlistResource {
    @Inject
    WaitlistService waitlists;
    @Inject
    Caller caller;
    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinWaitlist", summary = "Join a sold-out offer's waiting list",
            description = "When places come back, the first entries whose whole party fits get a ticket at once, and a mail.")
    @APIResponse(responseCode = "201", description = "On the list", content = @Content(schema = @Schema(implementation = WaitlistEntryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response join(@PathParam("offerId") long offerId,
                         @NotNull(message = "a JSON body {partySize} is required") @Valid WaitlistJoinRequest request) {
        EmailVerification.require(jwt);
        WaitlistEntryView entry = waitlists.join(caller.resident(), offerId, request.partySize());
        return Response.created(URI.create("/api/me/waitlist")).entity(entry).build();
    }

    @DELETE
    @Operation(operationId = "leaveWaitlist", summary = "Leave an offer's waiting list")
    @APIResponse(responseCode = "204", description = "Left")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void leave(@PathParam("offerId") long offerId) {
        waitlists.leave(caller.resident(), offerId);
    }
}
