package org.grandjour.scan;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A verdict for each scan of a batch, in the order they were made")
public record ScanBatchResult(@Schema(required = true) List<ScanResult> results) {
}
