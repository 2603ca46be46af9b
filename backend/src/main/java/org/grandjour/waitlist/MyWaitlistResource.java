package org.grandjour.waitlist;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

/** The caller's places on waiting lists (its own path: /api/me is another resource's). */
@Path("/api/me/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "waitlist")
@RolesAllowed("resident")
public class MyWaitlistResource {
    @Inject
    WaitlistService waitlists;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyWaitlist", summary = "The caller's waiting-list entries with their positions, newest first")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<WaitlistEntryView> mine() {
        return waitlists.mine(caller.resident());
    }
}
