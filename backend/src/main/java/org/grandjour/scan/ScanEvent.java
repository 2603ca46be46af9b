package org.grandjour.scan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One scan judged for the first time (never a retry), sent in {@link ScanEvents}.
 * Ticket fields are null when the code could not be read.
 */
public record ScanEvent(long attractionId, LocalDate day, Verdict verdict, boolean conflict, int personsAdmitted,
                        Instant scannedAt, Long editionId, Long offerId, Long territoryId) {
}
