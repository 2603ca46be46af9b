package org.grandjour.common;

/** The stable problem types of this API: clients may branch on {@link #uri()}. */
public enum ProblemType {
    NOT_FOUND("not-found", 404, "Not found"),
    VALIDATION_FAILED("validation-failed", 400, "Invalid input"),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    CONFLICT("conflict", 409, "Conflict"),
    NOT_ELIGIBLE("not-eligible", 403, "Not eligible"),
    EMAIL_NOT_VERIFIED("email-not-verified", 403, "Email address not verified"),
    CLAIM_WINDOW_CLOSED("claim-window-closed", 409, "Claims are closed"),
    LIMIT_REACHED("limit-reached", 409, "Limit reached"),
    SOLD_OUT("sold-out", 409, "Sold out"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused with another request"),
    TICKET_CANCELLED("ticket-cancelled", 409, "Ticket cancelled"),
    CANCEL_TOO_LATE("cancel-too-late", 409, "Too late to release"),
    LINK_GONE("link-gone", 410, "Link used or expired"),
    NOT_ASSIGNED("not-assigned", 403, "Not assigned to this attraction"),
    CAPACITY_BELOW_BOOKED("capacity-below-booked", 409, "Capacity below what is booked"),
    ALREADY_EXISTS("already-exists", 409, "Already exists"),
    NOT_STAFF("not-staff", 422, "Not a staff account"),
    ACCOUNT_SERVICE_FAILED("account-service-failed", 502, "The account service refused"),
    BALLOT_EDITION("ballot-edition", 409, "Places of this edition are allocated by ballot"),
    PLACES_LEFT("places-left", 409, "Places are left: claim instead"),
    ALREADY_WAITING("already-waiting", 409, "Already on this waiting list"),
    FIRST_COME_EDITION("first-come-edition", 409, "This edition has no ballot"),
    APPLICATION_WINDOW_CLOSED("application-window-closed", 409, "Applications are closed"),
    INVALID_APPLICATION("invalid-application", 422, "Invalid application"),
    APPLICATION_DISQUALIFIED("application-disqualified", 409, "Application disqualified"),
    BALLOT_SETTINGS_LOCKED("ballot-settings-locked", 409, "Ballot settings locked"),
    DRAW_TOO_EARLY("draw-too-early", 409, "The application window is still open"),
    ALREADY_DRAWN("already-drawn", 409, "Already drawn"),
    WALK_UPS_CLOSED("walk-ups-closed", 409, "No walk-ups at this door now"),
    EDITION_FINISHED("edition-finished", 409, "The edition is over"),
    INVALID_CONFIRMATION_DEADLINE("invalid-confirmation-deadline", 422, "Invalid confirmation deadline"),
    OVERBOOKING_WITHOUT_HISTORY("overbooking-without-history", 422, "No comparable history to overbook from"),
    INVALID_OVERBOOKING_RISK("invalid-overbooking-risk", 422, "Invalid overbooking risk"),
    INTERNAL_ERROR("internal-error", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ProblemException exception(String detail) {
        return new ProblemException(this, detail);
    }
}
