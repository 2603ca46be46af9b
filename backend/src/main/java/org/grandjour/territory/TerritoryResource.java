package org.grandjour.territory;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/territories")
@Tag(name = "Territories")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
public class TerritoryResource {

    @GET
    @Path("/match")
    @Operation(operationId = "matchPostcode", summary = "Test a postcode against the territories' rules")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The match")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", ref = "BadRequest")
    public PostcodeMatch match(@jakarta.ws.rs.QueryParam("postcode") String postcode) {
        if (postcode == null || postcode.isBlank()) {
            throw org.grandjour.common.ProblemException.invalidField("postcode", "is required");
        }
        Territory match = Territory.<Territory>streamAll().filter(t -> t.covers(postcode)).findFirst().orElse(null);
        return new PostcodeMatch(Territory.normalisePostcode(postcode), match == null ? null : TerritoryView.of(match));
    }

    @GET
    @Operation(operationId = "listTerritories", summary = "All territories and their postcode rules")
    public List<TerritoryView> list() {
        return Territory.<Territory>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(TerritoryView::of).toList();
    }
}
