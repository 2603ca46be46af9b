package org.grandjour.resident;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

@Path("/api/me/postcode-change")
@Tag(name = "Me")
@RolesAllowed("resident")
@Produces(MediaType.APPLICATION_JSON)
public class PostcodeChangeResource {
    @Inject
    Caller caller;
    @Inject
    JsonWebToken jwt;
    @Inject
    PostcodeChangeService changes;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestPostcodeChange", summary = "Ask an organiser to change my postcode (one open request at a time)")
    @APIResponse(responseCode = "201", description = "The pending request", content = @Content(schema = @Schema(implementation = PostcodeChangeView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response request(@Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                            @NotNull(message = "a JSON body {postcode} is required") @Valid PostcodeChangeInput input) {
        EmailVerification.require(jwt);   // the decision is mailed, and one person should have one account
        Object accountLocale = jwt.getClaim("locale");   // the language chosen in Keycloak, else the browser's
        String locale = accountLocale != null ? accountLocale.toString() : language;
        PostcodeChangeView created = changes.request(caller.resident(), jwt.getClaim("email"), locale, input.postcode());
        return Response.created(URI.create("/api/me/postcode-change")).entity(created).build();
    }

    @GET
    @Operation(operationId = "listMyPostcodeChanges", summary = "My postcode change requests, newest first")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<PostcodeChangeView> mine() {
        return changes.mine(caller.resident().subject());
    }
}
