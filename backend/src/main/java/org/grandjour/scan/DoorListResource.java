package org.grandjour.scan;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;
import org.grandjour.common.QueryParams;
import org.grandjour.staff.StaffService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/attractions/{attractionId}/door-list")
@Tag(name = "Scanning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "organiser"})
public class DoorListResource {
    @Inject
    DoorListService doorLists;
    @Inject
    StaffService staff;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(operationId = "getDoorList", summary = "Tickets, admissions and keys for working offline at one door on one day")
    @APIResponse(responseCode = "200", description = "The door list, with an ETag", content = @Content(schema = @Schema(implementation = DoorList.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response doorList(@PathParam("attractionId") long attractionId,
                             @Parameter(required = true, description = "The day (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING, format = "date"))
                             @QueryParam("day") String day,
                             @HeaderParam("If-None-Match") String ifNoneMatch) throws JsonProcessingException {
        LocalDate parsed = QueryParams.requiredDay("day", day);
        staff.assertMayScan(caller, attractionId);
        DoorList list = doorLists.doorList(attractionId, parsed);
        // the ETag covers the content, not the generation time, so an unchanged list is not sent again
        String tag = Integer.toHexString(json.writeValueAsString(new DoorList(list.attractionId(), list.day(), list.timeZone(), null,
                list.personsAdmitted(), list.tickets(), list.keys())).hashCode());
        EntityTag etag = new EntityTag(tag);
        if (ifNoneMatch != null && ifNoneMatch.replace("\"", "").replace("W/", "").trim().equals(tag)) {
            return Response.notModified(etag).build();
        }
        return Response.ok(list).tag(etag).header("Cache-Control", "private, no-cache").build();
    }
}
