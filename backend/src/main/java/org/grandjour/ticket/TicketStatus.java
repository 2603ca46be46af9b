package org.grandjour.ticket;

public enum TicketStatus {
    ACTIVE, CANCELLED
}
