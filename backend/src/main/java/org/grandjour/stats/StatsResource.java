package org.grandjour.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Attachments;
import org.grandjour.common.Caller;
import org.grandjour.common.Problem;
import org.grandjour.common.QueryParams;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/editions/{editionId}")
@Tag(name = "Statistics")
@RolesAllowed("organiser")
public class StatsResource {
    @Inject
    StatsService stats;
    @Inject
    StatsStream stream;
    @Inject
    StatsExports exports;
    @Inject
    StreamSlots slots;
    @Inject
    Caller caller;

    private static StatsService.Filter filter(String territory, String day) {
        return new StatsService.Filter(QueryParams.text(territory), QueryParams.day("day", day));
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEditionStats", summary = "Offered, booked, admitted, no-shows and rates; by day, territory, attraction")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EditionStats stats(@PathParam("editionId") long editionId,
                              @Parameter(description = "Only attractions of this territory") @QueryParam("territory") String territory,
                              @Parameter(description = "Only this day (YYYY-MM-DD)") @QueryParam("day") String day) {
        return stats.stats(editionId, filter(territory, day));
    }

    @GET
    @Path("/stats/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking // finding the edition reads the database; the stream itself runs on its own scheduler
    @org.jboss.resteasy.reactive.ResponseHeader(name = "X-Accel-Buffering", value = "no") // proxies must not hold events back
    @Operation(operationId = "streamEditionStats", summary = "Server-Sent Events: the figures now, then within a second of each change")
    @APIResponse(responseCode = "200", description = "An event stream of EditionStats", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(implementation = EditionStats.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", description = "This user already has as many live streams open as allowed; try again after Retry-After seconds",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<EditionStats> stream(@PathParam("editionId") long editionId,
                                      @QueryParam("territory") String territory, @QueryParam("day") String day) {
        Multi<EditionStats> figures = stream.stream(editionId, filter(territory, day));
        Runnable release = slots.take(caller.username());
        return figures.onTermination().invoke(release);
    }

    @ServerExceptionMapper
    public Response tooManyStreams(StreamSlots.TooManyStreams e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", StreamSlots.RETRY_AFTER_SECONDS)
                .entity(new Problem(Problem.TYPE_BASE + "too-many-streams", "Too many live streams", 429,
                        "At most " + e.limit + " live streams may be open at once per user; close one, or try again later.",
                        uri.getPath(), null, null, null, null))
                .build();
    }

    @GET
    @Path("/stats.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportEditionStats", summary = "The figures per attraction and day, as CSV")
    @APIResponse(responseCode = "200", description = "CSV (UTF-8)", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response statsCsv(@PathParam("editionId") long editionId) {
        return csv(exports.statsCsv(stats.stats(editionId)), "grand-jour-" + editionId + "-stats.csv");
    }

    @GET
    @Path("/scans.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportEditionAdmissions", summary = "Every admission with its time, attraction and device, as CSV")
    @APIResponse(responseCode = "200", description = "CSV (UTF-8)", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response scansCsv(@PathParam("editionId") long editionId) {
        return csv(exports.admissionsCsv(editionId), "grand-jour-" + editionId + "-admissions.csv");
    }

    private static Response csv(Object body, String filename) {
        return Attachments.of(body, "text/csv; charset=utf-8", filename);
    }
}
