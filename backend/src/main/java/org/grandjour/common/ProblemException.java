package org.grandjour.common;

import java.util.List;

/** Thrown by services for an expected failure; rendered as application/problem+json. */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private String limit;
    private Integer remaining;
    private Integer booked;
    private Object draw;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false); // expected outcome: no stack trace to fill
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist.");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** RFC 9457 extension member: which limit a limit-reached problem is about. */
    public ProblemException limit(String which) {
        this.limit = which;
        return this;
    }

    /** RFC 9457 extension member: places left, for a sold-out problem. */
    public ProblemException remaining(int places) {
        this.remaining = places;
        return this;
    }

    /** RFC 9457 extension member: persons already booked, for capacity-below-booked. */
    public ProblemException booked(int persons) {
        this.booked = persons;
        return this;
    }

    /** RFC 9457 extension member: the report of the draw already made, for already-drawn. */
    public ProblemException draw(Object report) {
        this.draw = report;
        return this;
    }

    public Object draw() {
        return draw;
    }

    public Integer booked() {
        return booked;
    }

    public String limit() {
        return limit;
    }

    public Integer remaining() {
        return remaining;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
