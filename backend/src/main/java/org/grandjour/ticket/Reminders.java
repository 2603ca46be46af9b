package org.grandjour.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.mail.Mails;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reminders "still coming? confirm or release", {@code days-before} days before the visit (at the
 * attraction's opening time), to tickets claimed before that moment. When several are due at once (the
 * job was down, or the ticket was claimed late) only the nearest goes. Each reminder is its own
 * transaction: its row's primary key makes it go once whichever instance gets there first, and a mail
 * server failure rolls it back so the next run tries again.
 */
@ApplicationScoped
public class Reminders {
    private static final Logger LOG = Logger.getLogger(Reminders.class);

    @Inject
    EntityManager em;
    @Inject
    TicketLinks links;
    @Inject
    TicketService tickets;
    @Inject
    Mails mails;
    @ConfigProperty(name = "grandjour.reminders.days-before")
    List<Integer> daysBefore;
    @ConfigProperty(name = "grandjour.app-url")
    String appUrl;

    /** Sends the reminders due at {@code now}; returns how many mails went. */
    public int sendDue(Instant now) {
        int sent = 0;
        for (int days : new TreeSet<>(daysBefore)) { // nearest first, so a later pass skips what it covered
            for (long ticketId : due(days, now)) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> remind(ticketId, days, now))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("reminder for ticket %d not sent, will try again: %s", ticketId, e.getMessage());
                }
            }
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<Long> due(int days, Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select t.id from ticket t join offer o on o.id = t.offer_id join edition e on e.id = o.edition_id
                where t.status = 'ACTIVE' and t.persons_admitted = 0 and t.holder_email is not null
                  and ((o.day - ?1) + o.opens_at) at time zone e.time_zone <= ?2
                  and (o.day + o.opens_at) at time zone e.time_zone > ?2
                  and t.created_at < ((o.day - ?1) + o.opens_at) at time zone e.time_zone
                  and not exists (select 1 from ticket_reminder r where r.ticket_id = t.id and r.days_before <= ?1)
                order by t.id limit 1000""")
                .setParameter(1, days).setParameter(2, now).getResultList();
        return new ArrayList<>(ids.stream().map(Number::longValue).toList());
    }

    /** In its own transaction: records the reminder (and the farther ones it makes pointless), then mails. */
    private boolean remind(long ticketId, int days, Instant now) {
        int recorded = em.createNativeQuery("""
                insert into ticket_reminder (ticket_id, days_before, sent_at, mailed) values (?1, ?2, ?3, true)
                on conflict do nothing""")
                .setParameter(1, ticketId).setParameter(2, days).setParameter(3, now).executeUpdate();
        if (recorded == 0) {
            return false; // another instance sent it
        }
        for (int farther : daysBefore) {
            if (farther > days) {
                em.createNativeQuery("insert into ticket_reminder (ticket_id, days_before, sent_at, mailed) values (?1, ?2, ?3, false) on conflict do nothing")
                        .setParameter(1, ticketId).setParameter(2, farther).setParameter(3, now).executeUpdate();
            }
        }
        Ticket t = em.find(Ticket.class, ticketId);
        if (t.status != TicketStatus.ACTIVE) {
            return false;
        }
        Instant until = t.offer.opensInstant();
        String confirm = appUrl + "/links/" + links.create(t.id, TicketLinkAction.CONFIRM, until);
        String release = appUrl + "/links/" + links.create(t.id, TicketLinkAction.RELEASE, until);
        Locale locale = Mails.locale(t.holderLanguage);
        var a = t.offer.attraction;
        String attraction = locale.getLanguage().equals("fr") || a.nameEn == null || a.nameEn.isBlank() ? a.nameFr : a.nameEn;
        String greeting = t.holderFirstName != null ? t.holderFirstName : t.holderName != null ? t.holderName : t.holderUsername;
        String untilText = day(t.offer.day, locale) + " " + time(t.offer.opensAt, locale) + " (" + t.edition.timeZone + ")";
        mails.sendWithCalendar(t.holderEmail, t.holderLanguage, "reminder",
                TicketCalendar.ics(tickets.view(t, now), now), "grand-jour-" + t.id + ".ics",
                greeting, attraction, day(t.offer.day, locale), time(t.offer.opensAt, locale), t.partySize, confirm, release, untilText);
        return true;
    }

    private static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
    }

    private static String time(LocalTime time, Locale locale) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).format(time);
    }
}
