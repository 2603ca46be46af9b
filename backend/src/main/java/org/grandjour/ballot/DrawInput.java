package org.grandjour.ballot;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The public value announced in advance (may be empty)")
public record DrawInput(@Schema(required = true, examples = "EuroMillions 2026-03-06: 4 12 19 33 41 + 2 9") @NotNull @Size(max = 500) String publicValue) {
}
