package org.grandjour.common;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into application/problem+json: a stable type, a human message, the right
 * status, and never a stack trace (unexpected errors are logged here instead).
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(ProblemType type, String detail, String instance, List<Problem.FieldError> errors) {
        return response(new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, null, null, null));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        ProblemType t = e.type();
        return response(new Problem(t.uri(), t.title(), t.status(), e.getMessage(), path(uri), e.errors(), e.limit(), e.remaining(),
                e.booked(), e.draw()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid input.");
        return response(ProblemType.VALIDATION_FAILED, detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return response(ProblemType.VALIDATION_FAILED, "Unknown field '" + u.getPropertyName() + "'.", path(uri),
                    List.of(new Problem.FieldError(jsonPath(u), "unknown field")));
        }
        if (e instanceof InvalidFormatException f) {
            String field = jsonPath(f);
            if (f.getTargetType() == String.class) { // ControlCharacters.JsonStrings
                return response(ProblemType.VALIDATION_FAILED, field + ": control characters are not allowed.", path(uri),
                        List.of(new Problem.FieldError(field, "control characters are not allowed")));
            }
            if (f instanceof DateRanges.OutOfRange) {
                return response(ProblemType.VALIDATION_FAILED, field + ": " + DateRanges.MESSAGE + ".", path(uri),
                        List.of(new Problem.FieldError(field, DateRanges.MESSAGE)));
            }
            String expected = f.getTargetType() == null ? "another type" : f.getTargetType().getSimpleName();
            String value = String.valueOf(f.getValue());
            value = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            return response(ProblemType.VALIDATION_FAILED, field + ": '" + value + "' is not a valid " + expected + ".",
                    path(uri), List.of(new Problem.FieldError(field, "must be a valid " + expected)));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = jsonPath(m);
            return response(ProblemType.VALIDATION_FAILED, field + " has the wrong type.", path(uri),
                    List.of(new Problem.FieldError(field, "wrong type")));
        }
        return response(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON.", path(uri), null);
    }

    /** More specific than Quarkus' own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(ProblemType.FORBIDDEN, "Your account does not have the role this action needs.", path(uri), null);
    }

    /** Keycloak unreachable: the caller cannot be authenticated now, which is not their fault nor a bug. */
    @ServerExceptionMapper
    public Response oidcUnavailable(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        LOG.warnf("Login service unavailable on %s: %s", path(uri), e.getMessage());
        return Response.fromResponse(response(ProblemType.SERVICE_UNAVAILABLE,
                "The login service is unreachable; try again in a moment.", path(uri), null)).header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException || status == 404) {
            return response(ProblemType.NOT_FOUND, "No resource at " + path(uri) + ".", path(uri), null);
        }
        if (e instanceof NotAllowedException || status == 405) {
            return response(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed on " + path(uri) + ".", path(uri), null);
        }
        if (e instanceof NotSupportedException || status == 415) {
            return response(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", path(uri), null);
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return response(ProblemType.NOT_ACCEPTABLE, "This resource cannot be served in the requested media type.", path(uri), null);
        }
        if (status == 401) {
            return unauthenticated(uri);
        }
        if (status == 403) {
            return forbidden(null, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (status >= 400 && status < 500) {
            return response(ProblemType.MALFORMED_REQUEST, "The request could not be understood.", path(uri), null);
        }
        return unexpected(e, uri);
    }

    /** A Java date outside what the API or the database can hold (e.g. year 999999999). */
    @ServerExceptionMapper
    public Response dateOutOfRange(java.time.DateTimeException e, UriInfo uri) {
        return response(ProblemType.VALIDATION_FAILED, "A date or time is out of range: " + e.getMessage(), path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        var database = DatabaseFailures.classify(e);
        if (database.isPresent()) {
            DatabaseFailures.Answer answer = database.get();
            Response r = response(answer.type(), answer.detail(), path(uri), null);
            return answer.retryAfterSeconds() > 0
                    ? Response.fromResponse(r).header("Retry-After", String.valueOf(answer.retryAfterSeconds())).build()
                    : r;
        }
        if (clientWentAway(e)) {
            // the client (or the load balancer in front) closed the connection while its request was
            // read: not a bug, and nobody is left to answer
            LOG.debugf("Client went away during %s: %s", path(uri), e.getMessage());
            return response(ProblemType.MALFORMED_REQUEST, "The connection was closed before the request was read.", path(uri), null);
        }
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return response(ProblemType.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.", path(uri), null);
    }

    private static boolean clientWentAway(Throwable e) {
        return Causes.any(e, t -> t instanceof io.vertx.core.http.HttpClosedException);
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(response(ProblemType.UNAUTHENTICATED, "Log in first: this needs a valid bearer token.", path(uri), null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String fieldName(ConstraintViolation<?> v) {
        // "claim.arg0.partySize" -> "partySize": the parameter path says nothing to an API client
        String last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() != jakarta.validation.ElementKind.METHOD) {
                last = node.getName();
            }
        }
        return last == null ? v.getPropertyPath().toString() : last;
    }

    private static String jsonPath(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
