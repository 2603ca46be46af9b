package org.grandjour.scan;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

@Schema(description = "One read of a QR code (or a typed code) at a door")
public record ScanRequest(
        @Schema(required = true, description = "The QR payload GJ1.<kid>.<claims>.<signature>, or the ticket code as typed")
        @NotBlank @Size(max = 1000) String code,
        @Schema(required = true) @NotNull Long attractionId,
        @Schema(required = true, description = "Which device scanned, as it names itself") @NotBlank @Size(max = 100) String deviceId,
        @Schema(required = true, description = "Chosen by the device for this scan: sending it again changes nothing") @NotNull UUID scanId,
        @Schema(required = true, description = "When the code was read, by the device's clock. An online scan is judged at the server's "
                + "clock whatever this says; an offline one (in a batch) counts only between the start of its ticket's day (in the "
                + "edition's time zone) and the server's now plus a few minutes' skew, else its verdict is BAD_SCAN_TIME. Any "
                + "date-time is accepted, however far off, so that one broken clock never refuses a whole batch")
        @JsonDeserialize(using = DeviceTime.class) @NotNull Instant scannedAt,
        @Schema(nullable = true, description = "Persons to admit now; default: everyone of the party not yet admitted")
        @Min(value = 1, message = "must be at least 1 person") @Max(value = 50, message = "must be at most 50 persons") Integer persons,
        @Schema(nullable = true, description = "What an offline device showed; an offline ADMITTED the server refuses is flagged as a conflict")
        Verdict localVerdict) {
}
