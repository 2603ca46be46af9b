package org.grandjour.scan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Scans a device made while offline, sent when the network came back")
public record ScanBatch(
        @Schema(required = true, maxItems = 500) @NotNull @Size(min = 1, max = 500, message = "must hold 1 to 500 scans")
        List<@Valid @NotNull ScanRequest> scans) {
}
