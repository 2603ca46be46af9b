package org.grandjour.ticket;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;

import io.quarkus.security.Authenticated;

@Path("/api/me/tickets")
@Tag(name = "Tickets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MyTicketsResource {
    @Inject
    TicketService tickets;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyTickets", summary = "The caller's tickets, live and cancelled, newest first")
    @APIResponse(responseCode = "200", description = "The tickets")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<TicketView> mine() {
        return tickets.mine(caller.resident());
    }
}
