package org.grandjour.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error this API returns. */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(required = true, description = "Stable URI identifying the kind of problem", examples = "https://grandjour.example/problems/not-found")
        String type,
        @Schema(required = true, description = "Short summary of the kind of problem")
        String title,
        @Schema(required = true, description = "HTTP status code")
        int status,
        @Schema(required = true, description = "Human-readable explanation of this occurrence")
        String detail,
        @Schema(description = "Request path this problem occurred on")
        String instance,
        @Schema(description = "Field-level validation errors")
        List<FieldError> errors,
        @Schema(description = "For limit-reached: which limit, per-offer (one live ticket per offer) or per-resident", enumeration = {"per-offer", "per-resident"})
        String limit,
        @Schema(description = "For sold-out: places still free, in persons")
        Integer remaining,
        @Schema(description = "For capacity-below-booked: persons already booked, the lowest capacity allowed")
        Integer booked,
        @Schema(description = "For already-drawn: the public report of the draw made first")
        Object draw) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                   String limit, Integer remaining, Integer booked) {
        this(type, title, status, detail, instance, errors, limit, remaining, booked, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://grandjour.example/problems/";

    @Schema(description = "One invalid input field")
    public record FieldError(
            @Schema(required = true) String field,
            @Schema(required = true) String message) {
    }
}
