package org.grandjour.territory;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.ProblemException;

@Path("/api/territories")
@Tag(name = "Territories")
@Produces(MediaType.APPLICATION_JSON)
public class TerritoryResource {
    @Inject
    TerritoryService territories;

    @SecurityRequirements // public: no login
    @GET
    @Path("/match")
    @Operation(operationId = "matchPostcode", summary = "Test a postcode against the territories' rules")
    @APIResponse(responseCode = "200", description = "The match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PostcodeMatch match(@QueryParam("postcode") String postcode) {
        if (postcode == null || postcode.isBlank()) {
            throw ProblemException.invalidField("postcode", "is required");
        }
        return territories.match(postcode);
    }

    @SecurityRequirements // public: no login
    @APIResponse(responseCode = "200", description = "The territories, by code")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @GET
    @Operation(operationId = "listTerritories", summary = "All territories and their postcode rules")
    public List<TerritoryView> list() {
        return territories.list();
    }
}
