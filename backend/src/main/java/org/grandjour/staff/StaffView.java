package org.grandjour.staff;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A door-staff account and the attractions it scans for")
public record StaffView(@Schema(required = true) String username, @Schema(required = true) List<Long> attractionIds) {
}
