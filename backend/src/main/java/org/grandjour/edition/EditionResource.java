package org.grandjour.edition;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/editions")
@Tag(name = "Editions")
@Produces(MediaType.APPLICATION_JSON)
public class EditionResource {
    @Inject
    EditionService editions;

    @SecurityRequirements // public: no login
    @APIResponse(responseCode = "200", description = "The editions")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @GET
    @Operation(operationId = "listEditions", summary = "All editions, newest first; one is flagged current")
    public List<EditionView> list() {
        return editions.list();
    }
}
