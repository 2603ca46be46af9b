package org.grandjour.attraction;

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

@Path("/api/admin/attractions")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AttractionAdminResource {
    @Inject
    AttractionAdminService attractions;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listAllAttractions", summary = "Every attraction, active or not")
    @APIResponse(responseCode = "200", description = "The attractions")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AttractionView> attractions() {
        return attractions.list();
    }

    @POST
    @Operation(operationId = "createAttraction", summary = "Add an attraction")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AttractionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response createAttraction(@NotNull @Valid AttractionInput input) {
        AttractionView created = attractions.create(caller.username(), input);
        return Response.created(URI.create("/api/admin/attractions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateAttraction", summary = "Change an attraction (names, texts, address, category, active)")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AttractionView updateAttraction(@PathParam("id") long id, @NotNull @Valid AttractionInput input) {
        return attractions.update(caller.username(), id, input);
    }
}
