package org.grandjour.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An iCalendar (RFC 5545) all-day event for a ticket's day. */
final class TicketCalendar {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TicketCalendar() {
    }

    static String ics(TicketView t, Instant now) {
        var a = t.offer().attraction();
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Grand Jour//Tickets//EN");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "BEGIN:VEVENT");
        line(sb, "UID:ticket-" + t.id() + "@grandjour");
        line(sb, "DTSTAMP:" + STAMP.format(now));
        line(sb, "DTSTART;VALUE=DATE:" + DAY.format(t.offer().day()));
        line(sb, "DTEND;VALUE=DATE:" + DAY.format(t.offer().day().plusDays(1)));
        line(sb, "SUMMARY:" + text("Grand Jour · " + a.name().fr() + " (" + t.partySize() + ")"));
        line(sb, "LOCATION:" + text(a.address() + ", " + a.postcode() + " " + a.town()));
        line(sb, "DESCRIPTION:" + text("Entrée gratuite / Free entry: " + t.partySize() + " pers. Code " + t.code()
                + ". Présentez le QR code à l'entrée / Show the QR code at the door."));
        line(sb, "STATUS:" + (t.status() == TicketStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(sb, "END:VEVENT");
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    private static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Lines end in CRLF and fold at 75 octets, never inside a UTF-8 sequence. */
    private static void line(StringBuilder sb, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                sb.append("\r\n ");
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}
