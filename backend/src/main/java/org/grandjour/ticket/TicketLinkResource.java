package org.grandjour.ticket;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Links from reminder mails. The token is the only credential, so no login: GET only shows what the
 * link would do (mail scanners fetch links), POST does it, once.
 */
@Path("/api/ticket-links/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets")
public class TicketLinkResource {
    @Inject
    TicketLinks links;

    @GET
    @SecurityRequirements // the token is the credential
    @Operation(operationId = "getTicketLink", summary = "What a mail's link would do, without doing it")
    @APIResponse(responseCode = "200", description = "The link and its ticket",
            content = @Content(schema = @Schema(implementation = TicketLinkView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response describe(@PathParam("token") String token) {
        // a ticket's state is personal: never kept by a shared cache, though the request needs no login
        return Response.ok(links.describe(token)).header("Cache-Control", "no-store").build();
    }

    @POST
    @SecurityRequirements // the token is the credential
    @Operation(operationId = "useTicketLink", summary = "Do what a mail's link says (release or confirm the ticket), once")
    @APIResponse(responseCode = "200", description = "Done; the ticket as it now is")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    public TicketLinkView use(@PathParam("token") String token) {
        return links.use(token);
    }
}
