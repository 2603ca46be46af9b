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
public class TerritoryResource {

    @GET
    @Operation(operationId = "listTerritories", summary = "All territories and their postcode rules")
    public List<TerritoryView> list() {
        return Territory.<Territory>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(TerritoryView::of).toList();
    }
}
