package org.grandjour.common;

import java.util.List;

/**
 * CSV rows (RFC 4180) for every export, safe to open in a spreadsheet: a text cell starting with
 * {@code = + - @}, a tab or a carriage return would be run as a formula (CSV injection), so it is
 * neutralised as OWASP advises: a single quote in front, and the cell quoted. Numbers and booleans
 * are written as they are (a negative number is data, not a formula).
 */
public final class Csv {
    private Csv() {
    }

    /** Appends one row, ended by CRLF. */
    public static void row(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One cell, neutralised and quoted as needed. */
    public static String cell(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String v = String.valueOf(value);
        boolean formula = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
        if (formula) {
            v = "'" + v;
        }
        if (formula || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
