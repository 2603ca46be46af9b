package org.grandjour.ticket;

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

@Path("/api/ticket-keys")
@Tag(name = "Tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketKeyResource {
    @Inject
    TicketSigner signer;

    @SecurityRequirements // public: no login
    @APIResponse(responseCode = "200", description = "The keys, current and retired")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @GET
    @Operation(operationId = "listTicketKeys", summary = "Public keys that verify QR tickets offline")
    public List<TicketKeyView> keys() {
        return signer.keys();
    }
}
