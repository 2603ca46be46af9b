package org.grandjour.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text in both languages of a cross-Channel edition. */
@Schema(description = "A text in French and English")
public record Localized(
        @Schema(required = true) String fr,
        @Schema(required = true) String en) {
}
