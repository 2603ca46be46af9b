package org.grandjour.common;

import jakarta.ws.rs.core.Response;

/** Files offered for download (tickets, exports): the body, its type, and the name to save it under. */
public final class Attachments {
    private Attachments() {
    }

    public static Response of(Object body, String mediaType, String filename) {
        return Response.ok(body, mediaType).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
