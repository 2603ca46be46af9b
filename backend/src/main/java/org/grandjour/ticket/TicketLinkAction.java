package org.grandjour.ticket;

/** What a link in a mail does to its ticket. */
public enum TicketLinkAction {
    /** "I can't come": the places go back at once. */
    RELEASE,
    /** "I still come". */
    CONFIRM
}
