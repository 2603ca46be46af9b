package org.grandjour.admin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.grandjour.attraction.AttractionView;
import org.grandjour.edition.EditionView;
import org.grandjour.offer.OfferView;
import org.grandjour.territory.TerritoryView;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/admin")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SetupResource {
    @Inject
    SetupService setup;
    @Inject
    SecurityIdentity identity;
    @Inject
    AuditLogReader auditLog;

    private String actor() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Path("/editions")
    @Operation(operationId = "createEdition", summary = "Set up a new edition")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = EditionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response createEdition(@NotNull @Valid EditionInput input) {
        EditionView created = setup.createEdition(actor(), input);
        return Response.created(URI.create("/api/editions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/editions/{id}")
    @Operation(operationId = "updateEdition", summary = "Change an edition's name, days, claim window, limits or territories")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public EditionView updateEdition(@PathParam("id") long id, @NotNull @Valid EditionInput input) {
        return setup.updateEdition(actor(), id, input);
    }

    @PUT
    @Path("/territories/{code}")
    @Operation(operationId = "saveTerritory", summary = "Create or change a territory and its postcode rule")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public TerritoryView saveTerritory(
            @PathParam("code") @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "an ISO 3166-2 code such as FR-62") String code,
            @NotNull @Valid TerritoryInput input) {
        return setup.saveTerritory(actor(), code, input);
    }

    @GET
    @Path("/attractions")
    @Operation(operationId = "listAllAttractions", summary = "Every attraction, active or not")
    @APIResponse(responseCode = "200", description = "The attractions")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AttractionView> attractions() {
        return setup.attractions();
    }

    @POST
    @Path("/attractions")
    @Operation(operationId = "createAttraction", summary = "Add an attraction")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = AttractionView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response createAttraction(@NotNull @Valid AttractionInput input) {
        AttractionView created = setup.createAttraction(actor(), input);
        return Response.created(URI.create("/api/admin/attractions/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/attractions/{id}")
    @Operation(operationId = "updateAttraction", summary = "Change an attraction (names, texts, address, category, active)")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AttractionView updateAttraction(@PathParam("id") long id, @NotNull @Valid AttractionInput input) {
        return setup.updateAttraction(actor(), id, input);
    }

    @POST
    @Path("/editions/{editionId}/offers")
    @Operation(operationId = "createOffer", summary = "Offer an attraction's free entries on one day of an edition")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response createOffer(@PathParam("editionId") long editionId, @NotNull @Valid OfferInput input) {
        OfferView created = setup.createOffer(actor(), editionId, input);
        return Response.created(URI.create("/api/editions/" + editionId + "/offers")).entity(created).build();
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listAuditLog", summary = "The latest changes made by organisers, newest first")
    @APIResponse(responseCode = "200", description = "Audit entries")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AuditEntry> audit() {
        return auditLog.latest(200);
    }
}
