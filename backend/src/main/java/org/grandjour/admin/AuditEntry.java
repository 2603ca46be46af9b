package org.grandjour.admin;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One change made by an organiser")
public record AuditEntry(@Schema(required = true) long id, @Schema(required = true) Instant at, @Schema(required = true) String actor,
                         @Schema(required = true) String action, @Schema(required = true) String entity,
                         @Schema(required = true) String entityId, @Schema(required = true, description = "JSON") String details) {
}
