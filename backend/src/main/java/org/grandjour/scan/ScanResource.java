package org.grandjour.scan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.grandjour.common.Caller;
import org.grandjour.staff.StaffService;

@Path("/api/scans")
@Tag(name = "Scanning")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "organiser"})
public class ScanResource {
    @Inject
    ScanService scans;
    @Inject
    StaffService staff;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "scanTicket", summary = "Check a scanned code and admit the party: a bad ticket is a verdict, not an error")
    @APIResponse(responseCode = "200", description = "The verdict")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ScanResult scan(@NotNull(message = "a JSON scan is required") @Valid ScanRequest request) {
        staff.assertMayScan(caller, request.attractionId());
        return scans.scan(caller.username(), request, false);
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "scanBatch", summary = "Scans made offline, processed in the order they were made")
    @APIResponse(responseCode = "200", description = "A verdict per scan")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ScanBatchResult batch(@NotNull(message = "a JSON body {scans: [...]} is required") @Valid ScanBatch batch) {
        batch.scans().stream().map(ScanRequest::attractionId).distinct().forEach(id -> staff.assertMayScan(caller, id));
        return new ScanBatchResult(scans.batch(caller.username(), batch.scans()));
    }
}
