package org.grandjour.bench;

import io.gatling.javaapi.core.Session;

/** Reading what the checks saved, and clearing it so that one answer never leaks into the next. */
final class Sessions {
    static final String[] SAVED = {"status", "rt", "type", "remaining", "payload", "verdict", "admitted"};

    private Sessions() {
    }

    static int integer(Session s, String key) {
        Object v = s.contains(key) ? s.get(key) : null;
        return v == null ? 0 : Integer.parseInt(String.valueOf(v));
    }

    /** The last part of a problem+json type ("sold-out"), or "" when the answer was not a problem. */
    static String problemType(Session s) {
        String type = s.contains("type") ? s.getString("type") : null;
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    static String outcome(int status, String type) {
        return status == 0 ? "no answer (connection failed or timed out)" : status + (type.isEmpty() ? "" : " " + type);
    }

    static Session clear(Session s) {
        return s.removeAll(SAVED);
    }
}
