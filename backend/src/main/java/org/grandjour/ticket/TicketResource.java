package org.grandjour.ticket;

import java.net.URI;
import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Attachments;
import org.grandjour.common.Caller;
import org.grandjour.resident.EmailVerification;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;

@Path("/api/tickets")
@Tag(name = "Tickets")
@Authenticated
public class TicketResource {
    @Inject
    TicketService tickets;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    JsonWebToken jwt;

    @POST
    @RolesAllowed("resident")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "claimTicket", summary = "Claim free entries for a party at one offer")
    @APIResponse(responseCode = "201", description = "The new ticket", content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "200", description = "The ticket an earlier request with this Idempotency-Key made",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "UnprocessableContent")
    public Response claim(
            @Parameter(description = "Makes retries safe: the same key and body give back the same ticket")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String idempotencyKey,
            @NotNull(message = "a JSON body {offerId, partySize} is required") @Valid ClaimRequest request) {
        EmailVerification.require(jwt);
        ClaimOutcome outcome = tickets.claim(caller.resident(), request, idempotencyKey);
        return outcome.created()
                ? Response.created(URI.create("/api/tickets/" + outcome.ticket().id())).entity(outcome.ticket()).build()
                : Response.ok(outcome.ticket()).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTicket", summary = "One of the caller's tickets")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TicketView get(@PathParam("id") long id) {
        return tickets.get(caller.resident(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "cancelTicket", summary = "Release a ticket (\"I can't come\"): its places are given back at once",
            description = "Allowed until the attraction opens on the day, never once the party was admitted.")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void cancel(@PathParam("id") long id) {
        tickets.cancel(caller.resident(), id);
    }

    @POST
    @Path("/{id}/confirmation")
    @Operation(operationId = "confirmTicket", summary = "Say the party still comes (answers a reminder); saying it again changes nothing")
    @APIResponse(responseCode = "200", description = "The ticket, with when it was confirmed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TicketView confirm(@PathParam("id") long id) {
        return tickets.confirm(caller.resident(), id);
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getTicketQrPng", summary = "The ticket's QR code as PNG")
    @APIResponse(responseCode = "200", description = "PNG image", content = @Content(mediaType = "image/png",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response qrPng(@PathParam("id") long id,
                          @Parameter(description = "Approximate width in pixels (120..2048)") @QueryParam("size") @DefaultValue("480")
                          @Min(value = 120, message = "must be a whole number from 120 to 2048")
                          @Max(value = 2048, message = "must be a whole number from 120 to 2048") int size) {
        TicketView t = tickets.get(caller.resident(), id);
        return Response.ok(QrCodes.png(t.qrPayload(), size))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/qr.svg")
    @Produces("image/svg+xml")
    @Operation(operationId = "getTicketQrSvg", summary = "The ticket's QR code as SVG")
    @APIResponse(responseCode = "200", description = "SVG image", content = @Content(mediaType = "image/svg+xml",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response qrSvg(@PathParam("id") long id) {
        return Response.ok(QrCodes.svg(tickets.get(caller.resident(), id).qrPayload()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}/ticket.pdf")
    @Produces("application/pdf")
    @Operation(operationId = "getTicketPdf", summary = "A printable A6 ticket")
    @APIResponse(responseCode = "200", description = "PDF document", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response pdf(@PathParam("id") long id) {
        TicketView t = tickets.get(caller.resident(), id);
        return Attachments.of(TicketPdf.render(t), "application/pdf", "grand-jour-" + t.id() + ".pdf");
    }

    @GET
    @Path("/{id}/ticket.ics")
    @Produces("text/calendar")
    @Operation(operationId = "getTicketIcs", summary = "A calendar entry for the ticket's day")
    @APIResponse(responseCode = "200", description = "iCalendar", content = @Content(mediaType = "text/calendar",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response ics(@PathParam("id") long id) {
        TicketView t = tickets.get(caller.resident(), id);
        return Attachments.of(TicketCalendar.ics(t, clock.instant()), "text/calendar; charset=utf-8", "grand-jour-" + t.id() + ".ics");
    }
}
