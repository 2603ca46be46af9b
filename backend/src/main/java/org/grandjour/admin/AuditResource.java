package org.grandjour.admin;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/audit")
@Tag(name = "Administration")
@RolesAllowed("organiser")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AuditLogReader auditLog;

    @GET
    @Operation(operationId = "listAuditLog", summary = "The latest changes made by organisers, newest first")
    @APIResponse(responseCode = "200", description = "Audit entries")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<AuditEntry> audit() {
        return auditLog.latest(200);
    }
}
