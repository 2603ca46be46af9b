package org.grandjour.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.grandjour.common.AfterCommit;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Sends a short plain-text mail in the recipient's language (French or English, English otherwise).
 * Texts live in mail/messages_{fr,en}.properties as {@code <key>.subject} and {@code <key>.body},
 * with {@link MessageFormat} arguments.
 */
@ApplicationScoped
public class Mails {
    private static final Logger LOG = Logger.getLogger(Mails.class);

    @Inject
    Mailer mailer;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    MailOutbox outbox;

    /** Sends now; an SMTP failure is thrown to the caller. */
    public void send(String to, String language, String key, Object... args) {
        Locale locale = locale(language);
        mailer.send(Mail.withText(to, text(locale, key + ".subject", args), text(locale, key + ".body", args)));
    }

    /** Sends now with a calendar entry attached (text/calendar); an SMTP failure is thrown to the caller. */
    public void sendWithCalendar(String to, String language, String key, String ics, String fileName, Object... args) {
        Locale locale = locale(language);
        mailer.send(Mail.withText(to, text(locale, key + ".subject", args), text(locale, key + ".body", args))
                .addAttachment(fileName, ics.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/calendar; charset=utf-8"));
    }

    /**
     * For mails that only inform (the change itself is done and recorded): a mail server outage must
     * not undo it, so a failure is logged, not thrown. Returns whether the mail went.
     */
    public boolean trySend(String to, String language, String key, Object... args) {
        if (to == null || to.isBlank()) {
            return false;
        }
        try {
            send(to, language, key, args);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("mail %s to %s not sent: %s", key, to, e.getMessage());
            return false;
        }
    }

    /**
     * Informs once the caller's transaction has committed (never about a change that was rolled back), and
     * durably: the mail, rendered now in the recipient's language, is owed in the outbox within that
     * transaction, then sent right after the commit on the outbox thread (the request does not wait for
     * the mail server), or by the outbox job if that fails or the backend stops first.
     */
    public void sendAfterCommit(String to, String language, String key, Object... args) {
        if (to == null || to.isBlank()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("mail " + key + " owed outside a transaction: it would not follow the change");
        }
        Locale locale = locale(language);
        outbox.enqueue(to, key, text(locale, key + ".subject", args), text(locale, key + ".body", args));
        // one send run per transaction, however many mails
        AfterCommit.gathered(transactions, MailOutbox.class, () -> Boolean.TRUE, owed -> outbox.sendSoon());
    }

    /** The language of a resident's mails: their account's, else their territory's (French in France). */
    public static String languageFor(String accountLanguage, String territoryCode) {
        if (accountLanguage != null) {
            return locale(accountLanguage).getLanguage();
        }
        return territoryCode != null && territoryCode.startsWith("FR") ? "fr" : "en";
    }

    public static Locale locale(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
    }

    static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("mail.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no mail text " + key + " for " + locale, e);
        }
    }
}
