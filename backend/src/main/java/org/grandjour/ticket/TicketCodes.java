package org.grandjour.ticket;

import java.security.SecureRandom;

/** Ticket codes: 80 random bits in Crockford base32 (no I, L, O, U), grouped for reading aloud. */
public final class TicketCodes {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCodes() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** What a person typed, read back as a stored code: case, spaces, dashes and look-alikes forgiven. */
    public static String normalise(String typed) {
        String s = typed.toUpperCase().replaceAll("[^0-9A-Z]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != 16) {
            return null;
        }
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12);
    }
}
