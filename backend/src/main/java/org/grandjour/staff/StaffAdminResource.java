package org.grandjour.staff;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/admin/staff")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffAdminResource {
    @Inject
    StaffAdminService staff;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listStaff", summary = "Door-staff accounts and their attractions")
    @APIResponse(responseCode = "200", description = "The staff")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<StaffView> list() {
        return staff.list();
    }

    @PUT
    @Path("/{username}/attractions")
    @Operation(operationId = "assignStaff", summary = "Set the attractions a staff account scans for")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public StaffView assign(@PathParam("username") String username, @NotNull @Valid Assignments assignments) {
        return staff.assignExisting(caller.username(), username, assignments.attractionIds());
    }

    @POST
    @Path("/accounts")
    @Operation(operationId = "createStaffAccount", summary = "Create a door-staff account in Keycloak and assign it")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "502", description = "Keycloak refused", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = org.grandjour.common.Problem.class)))
    public Response create(@NotNull @Valid StaffAccountInput input) {
        StaffView created = staff.createAccount(caller.username(), input);
        return Response.created(URI.create("/api/admin/staff/" + created.username() + "/attractions")).entity(created).build();
    }
}
