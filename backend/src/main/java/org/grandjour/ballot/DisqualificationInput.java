package org.grandjour.ballot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Why an application is disqualified (published, counted, in the draw report)")
public record DisqualificationInput(@Schema(required = true) @NotBlank @Size(max = 300) String reason) {
}
