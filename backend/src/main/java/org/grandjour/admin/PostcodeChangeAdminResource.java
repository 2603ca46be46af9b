package org.grandjour.admin;

import java.util.List;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;
import org.grandjour.resident.PostcodeChange;
import org.grandjour.resident.PostcodeChangeService;
import org.grandjour.resident.PostcodeChangeView;
import org.grandjour.resident.PostcodeDecisionInput;

@Path("/api/admin/postcode-changes")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Produces(MediaType.APPLICATION_JSON)
public class PostcodeChangeAdminResource {
    @Inject
    PostcodeChangeService changes;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPostcodeChanges", summary = "Residents' postcode change requests (pending ones oldest first)")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<PostcodeChangeView> list(@Parameter(description = "Only requests in this state (default: all, newest first)",
            schema = @Schema(enumeration = {"PENDING", "APPROVED", "REJECTED"})) @QueryParam("status") PostcodeChange.Status status) {
        return changes.list(status);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(operationId = "approvePostcodeChange", summary = "Approve: the resident's postcode is changed in Keycloak (audit log)")
    @APIResponse(responseCode = "200", description = "The decided request")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PostcodeChangeView approve(@PathParam("id") long id) {
        PostcodeChange decided = changes.approve(caller.username(), id);
        return PostcodeChangeView.of(decided);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectPostcodeChange", summary = "Reject, with a reason told to the resident (audit log)")
    @APIResponse(responseCode = "200", description = "The decided request")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public PostcodeChangeView reject(@PathParam("id") long id,
                                     @NotNull(message = "a JSON body {reason} is required") @Valid PostcodeDecisionInput input) {
        PostcodeChange decided = changes.reject(caller.username(), id, input.reason());
        return PostcodeChangeView.of(decided);
    }
}
