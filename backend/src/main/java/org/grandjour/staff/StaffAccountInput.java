package org.grandjour.staff;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new door-staff account, created in Keycloak, with the attractions it scans for")
public record StaffAccountInput(
        @Schema(required = true) @NotBlank @Size(min = 3, max = 60)
        @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "lower-case letters, digits, dots, dashes") String username,
        @Schema(required = true) @NotBlank @Size(max = 100) String firstName,
        @Schema(required = true) @NotBlank @Size(max = 100) String lastName,
        @Schema(required = true) @NotBlank @Email String email,
        @Schema(required = true, description = "Postcode of the volunteer (the account profile requires one)") @NotBlank @Size(max = 10) String postcode,
        @Schema(required = true, description = "First password; the volunteer must change it at first login") @NotBlank @Size(min = 8, max = 100) String temporaryPassword,
        @Schema(required = true) @NotNull List<@NotNull Long> attractionIds) {
}
