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
 * <p>
 * Confirmation deadlines ({@link #applyDeadlines}): in an edition that sets one, a live ticket not
 * confirmed gets a last warning {@code grandjour.confirmation.warning-hours} before the deadline and is
 * released at the deadline (the waiting list refills it, as any release). Each step is one conditional
 * UPDATE, so it happens once whichever instance's job gets there first. Only a warned ticket is released:
 * a holder without a mail address, or one the job could not warn before the deadline, keeps the ticket.
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
    @ConfigProperty(name = "grandjour.confirmation.warning-hours", defaultValue = "24")
    int warningHours;

    /** What one pass over the confirmation deadlines did. */
    public record Deadlines(int warned, int released) {
    }

    /** The deadline of a ticket's visit, in SQL over (t, o, e). */
    private static final String DEADLINE = "(((o.day - e.confirm_days_before) + e.confirm_at_time) at time zone e.time_zone)";

    /** Sends the last warnings due at {@code now}, then releases the warned tickets whose deadline has passed. */
    public Deadlines applyDeadlines(Instant now) {
        int warned = 0;
        for (long ticketId : QuarkusTransaction.requiringNew().call(() -> dueWarnings(now))) {
            try {
                if (warn(ticketId, now)) {
                    warned++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "deadline warning for ticket %d not sent, will try again", ticketId);
            }
        }
        int released = 0;
        for (long ticketId : QuarkusTransaction.requiringNew().call(() -> dueReleases(now))) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> releaseAtDeadline(ticketId, now))) {
                    released++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("deadline release of ticket %d failed, will try again: %s", ticketId, e.getMessage());
            }
        }
        return new Deadlines(warned, released);
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueWarnings(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select t.id from ticket t join offer o on o.id = t.offer_id join edition e on e.id = o.edition_id
                where e.confirm_days_before is not null
                  and t.status = 'ACTIVE' and t.persons_admitted = 0 and t.confirmed_at is null
                  and t.deadline_warned_at is null and t.holder_email is not null
                  and %1$s - make_interval(hours => ?1) <= ?2 and %1$s > ?2
                  and t.created_at < %1$s
                order by t.id limit 1000""".formatted(DEADLINE))
                .setParameter(1, warningHours).setParameter(2, now).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueReleases(Instant now) {
        List<Number> ids = em.createNativeQuery("""
                select t.id from ticket t join offer o on o.id = t.offer_id join edition e on e.id = o.edition_id
                where e.confirm_days_before is not null
                  and t.status = 'ACTIVE' and t.persons_admitted = 0 and t.confirmed_at is null
                  and t.deadline_warned_at is not null
                  and %s <= ?1 and ((o.day + o.opens_at) at time zone e.time_zone) > ?1
                order by t.id limit 1000""".formatted(DEADLINE))
                .setParameter(1, now).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** What a warning says, prepared in the transaction that marks the ticket warned. */
    private record Warning(String to, String language, Object[] args) {
    }

    /**
     * Marks the ticket warned (one conditional UPDATE: one instance wins) and commits, then mails outside
     * any transaction (a slow mail server holds no row lock); a failed mail clears the mark again.
     */
    private boolean warn(long ticketId, Instant now) {
        Warning w = QuarkusTransaction.requiringNew().call(() -> {
            int marked = em.createNativeQuery("""
                    update ticket set deadline_warned_at = ?1
                    where id = ?2 and deadline_warned_at is null and status = 'ACTIVE' and confirmed_at is null""")
                    .setParameter(1, now).setParameter(2, ticketId).executeUpdate();
            if (marked == 0) {
                return null; // another instance warned it, or the holder answered meanwhile
            }
            Ticket t = em.find(Ticket.class, ticketId);
            Instant deadline = t.edition.confirmDeadline(t.offer.day);
            String confirm = appUrl + "/links/" + links.create(t.id, TicketLinkAction.CONFIRM, deadline);
            String release = appUrl + "/links/" + links.create(t.id, TicketLinkAction.RELEASE, t.offer.opensInstant());
            Locale locale = Mails.locale(t.holderLanguage);
            var local = deadline.atZone(t.edition.zone());
            String deadlineText = day(local.toLocalDate(), locale) + " " + time(local.toLocalTime(), locale) + " (" + t.edition.timeZone + ")";
            return new Warning(t.holderEmail, t.holderLanguage, new Object[] {greeting(t), attractionName(t, locale),
                    day(t.offer.day, locale), t.partySize, confirm, release, deadlineText});
        });
        if (w == null) {
            return false;
        }
        try {
            mails.send(w.to(), w.language(), "deadline.warning", w.args());
            return true;
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update ticket set deadline_warned_at = null where id = ?1 and deadline_warned_at = ?2")
                    .setParameter(1, ticketId).setParameter(2, now).executeUpdate());
            throw e;
        }
    }

    /** In its own transaction: the release (and the refill it triggers), then the holder is told after commit. */
    private boolean releaseAtDeadline(long ticketId, Instant now) {
        Ticket t = em.find(Ticket.class, ticketId);
        if (t == null || !tickets.releaseAtDeadline(t, now)) {
            return false;
        }
        Locale locale = Mails.locale(t.holderLanguage);
        mails.sendAfterCommit(t.holderEmail, t.holderLanguage, "deadline.released", greeting(t), attractionName(t, locale),
                day(t.offer.day, locale), t.partySize);
        return true;
    }

    private static String greeting(Ticket t) {
        return t.holderFirstName != null ? t.holderFirstName : t.holderName != null ? t.holderName : t.holderUsername;
    }

    private static String attractionName(Ticket t, Locale locale) {
        var a = t.offer.attraction;
        return locale.getLanguage().equals("fr") || a.nameEn == null || a.nameEn.isBlank() ? a.nameFr : a.nameEn;
    }

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
