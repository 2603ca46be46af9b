package org.grandjour.resident;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

import io.quarkus.security.Authenticated;

@Path("/api/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {
    @Inject
    Caller caller;
    @Inject
    ResidentService residents;

    @GET
    @Operation(operationId = "getMe", summary = "The logged-in user: roles, postcode, territory and eligibility")
    @APIResponse(responseCode = "200", description = "The caller's profile")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MeView me(@Parameter(description = "Decide eligibility for this edition (default: the current one)")
                     @QueryParam("editionId") Long editionId) {
        return residents.me(caller.resident(), editionId);
    }
}
