package org.grandjour.ticket;

/** Fired inside the claim or cancel transaction; observers (live figures) write in the same transaction. */
public sealed interface TicketEvent {
    long editionId();

    long offerId();

    Long territoryId();

    int persons();

    record Claimed(long editionId, long offerId, Long territoryId, int persons) implements TicketEvent {
    }

    /** Many tickets issued at once (the ballot's winners), counted per offer and holder territory. */
    record Issued(long editionId, long offerId, Long territoryId, int tickets, int persons) implements TicketEvent {
    }

    /** Places given back at {@code at} (the release's time: the refill serves the waiting list as of then). */
    record Cancelled(long editionId, long offerId, Long territoryId, int persons, java.time.Instant at) implements TicketEvent {
    }
}
