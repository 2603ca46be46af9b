package org.grandjour.ballot;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Attachments;
import org.grandjour.common.Caller;
import org.grandjour.resident.EmailVerification;

/** Residents apply to a ballot edition; anyone reads the draw's public report and files. */
@Path("/api/editions/{editionId}")
@Tag(name = "Ballot")
public class BallotResource {
    @Inject
    BallotService ballots;
    @Inject
    Caller caller;
    @Inject
    JsonWebToken jwt;

    @PUT
    @Path("/my-application")
    @RolesAllowed("resident")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyApplication", summary = "Apply to the edition's ballot, or change the application while the window is open")
    @APIResponse(responseCode = "201", description = "The new application", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "200", description = "The application, changed (or as an earlier request with this Idempotency-Key left it)",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response apply(@PathParam("editionId") long editionId,
                          @Parameter(description = "Makes retries safe: the same key and body give back the same application")
                          @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String idempotencyKey,
                          @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                          @NotNull(message = "a JSON body {partySize, choices, anyOtherSameDay} is required") @Valid ApplicationRequest request) {
        EmailVerification.require(jwt);
        Object accountLocale = jwt.getClaim("locale"); // the language chosen in Keycloak, else the browser's
        BallotService.Outcome outcome = ballots.apply(editionId, caller.resident(), jwt.getClaim("email"),
                accountLocale != null ? accountLocale.toString() : language, request, idempotencyKey);
        return outcome.created()
                ? Response.created(URI.create("/api/editions/" + editionId + "/my-application")).entity(outcome.application()).build()
                : Response.ok(outcome.application()).build();
    }

    @GET
    @Path("/my-application")
    @RolesAllowed("resident")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyApplication", summary = "The caller's application, its status and, after the draw, its result")
    @APIResponse(responseCode = "200", description = "The application")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ApplicationView mine(@PathParam("editionId") long editionId) {
        return ballots.mine(editionId, caller.resident());
    }

    @DELETE
    @Path("/my-application")
    @RolesAllowed("resident")
    @Operation(operationId = "withdrawMyApplication", summary = "Withdraw the caller's application while the window is open")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void withdraw(@PathParam("editionId") long editionId) {
        ballots.withdraw(editionId, caller.resident());
    }

    @GET
    @Path("/draw")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements // public: no login
    @Operation(operationId = "getDrawReport", summary = "The public draw report: the seed's commitment before the draw; inputs, hashes and figures after")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public DrawReport report(@PathParam("editionId") long editionId) {
        return ballots.report(editionId);
    }

    @GET
    @Path("/draw/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getDrawSnapshot", summary = "The snapshot the draw runs on (canonical JSON, no names), fixed when the window closes; its SHA-256 is the published snapshotHash")
    @APIResponse(responseCode = "200", description = "snapshot.json", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response snapshot(@PathParam("editionId") long editionId) {
        return Attachments.of(ballots.snapshotFile(editionId), MediaType.APPLICATION_JSON, "snapshot-" + editionId + ".json");
    }

    @GET
    @Path("/draw/result")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getDrawResult", summary = "The draw's result (canonical JSON: positions, offers won, waiting lists); its SHA-256 is the published resultHash")
    @APIResponse(responseCode = "200", description = "result.json", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response result(@PathParam("editionId") long editionId) {
        return Attachments.of(ballots.resultFile(editionId), MediaType.APPLICATION_JSON, "result-" + editionId + ".json");
    }
}
