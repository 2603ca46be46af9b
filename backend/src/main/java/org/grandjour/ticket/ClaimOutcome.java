package org.grandjour.ticket;

/** A claim's result: a new ticket, or the one an earlier request with the same Idempotency-Key made. */
public record ClaimOutcome(TicketView ticket, boolean created) {
}
