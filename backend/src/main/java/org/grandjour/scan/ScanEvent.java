package org.grandjour.scan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Fired inside the scan transaction, once per first receipt of a scan (never for a retry).
 * Ticket fields are null when the code could not be read.
 */
public record ScanEvent(long attractionId, LocalDate day, Verdict verdict, boolean conflict, int personsAdmitted,
                        Instant scannedAt, Long editionId, Long offerId, Long territoryId) {
}
