package org.grandjour.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.grandjour.mail.Mails;
import org.grandjour.offer.Offer;
import org.grandjour.resident.Resident;
import org.grandjour.territory.Territory;

/** A ticket about to be claimed: the row the claim inserts, and the ticket it returns without reading it back. */
record NewTicket(String code, Offer offer, Territory holderTerritory, String holderSubject, String holderUsername,
                 String holderName, String holderFirstName, String holderPostcode, int partySize, String idempotencyKey,
                 String requestFingerprint, Instant createdAt, String holderEmail, String holderLanguage) {

    static NewTicket of(Resident resident, ClaimRequest request, Offer offer, Territory territory, String idempotencyKey,
                        Instant now) {
        return new NewTicket(TicketCodes.next(), offer, territory, resident.subject(), resident.username(), resident.name(),
                resident.firstName(), Territory.normalisePostcode(resident.postcode()), request.partySize(), idempotencyKey,
                request.fingerprint(), now.truncatedTo(ChronoUnit.MICROS), // as PostgreSQL stores it
                resident.email(), Mails.languageFor(resident.language(), territory == null ? null : territory.code));
    }


    Ticket withId(long id) {
        Ticket t = new Ticket();
        t.id = id;
        t.code = code;
        t.offer = offer;
        t.edition = offer.edition;
        t.holderSubject = holderSubject;
        t.holderUsername = holderUsername;
        t.holderName = holderName;
        t.holderFirstName = holderFirstName;
        t.holderPostcode = holderPostcode;
        t.holderTerritory = holderTerritory;
        t.partySize = partySize;
        t.idempotencyKey = idempotencyKey;
        t.requestFingerprint = requestFingerprint;
        t.createdAt = createdAt;
        t.holderEmail = holderEmail;
        t.holderLanguage = holderLanguage;
        return t;
    }
}
