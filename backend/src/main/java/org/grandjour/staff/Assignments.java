package org.grandjour.staff;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The attractions a staff account scans for (replaces the previous list)")
public record Assignments(@Schema(required = true) @NotNull List<@NotNull Long> attractionIds) {
}
