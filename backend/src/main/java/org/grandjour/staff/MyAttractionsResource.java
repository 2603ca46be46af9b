package org.grandjour.staff;

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
import org.grandjour.attraction.AttractionView;
import org.grandjour.common.Caller;

@Path("/api/me/attractions")
@Tag(name = "Scanning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "organiser"})
public class MyAttractionsResource {
    @Inject
    StaffService staff;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyAttractions", summary = "The attractions the caller scans tickets for")
    @APIResponse(responseCode = "200", description = "The attractions")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AttractionView> mine() {
        return staff.attractionsOf(caller);
    }
}
