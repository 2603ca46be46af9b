package org.grandjour.territory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

@Path("/api/admin/territories")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TerritoryAdminResource {
    @Inject
    TerritoryAdminService territories;
    @Inject
    Caller caller;

    @PUT
    @Path("/{code}")
    @Operation(operationId = "saveTerritory", summary = "Create or change a territory and its postcode rule")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public TerritoryView saveTerritory(
            @PathParam("code") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "an ISO 3166-2 code such as FR-62") String code,
            @NotNull @Valid TerritoryInput input) {
        return territories.save(caller.username(), code, input);
    }
}
