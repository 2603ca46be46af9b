package org.grandjour.common;

import java.lang.reflect.Parameter;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Whole numbers in paths and query strings (ids, a QR code's size) are checked before JAX-RS converts
 * them: the specification answers a value that does not parse with 404, which tells a client that made
 * a typo that the thing does not exist. Here it is a 400 naming the parameter. Every such number in this
 * API is an id or a size, so it must be at least 1 (or the parameter's own {@link Min}), and at most its
 * {@link Max} when it has one.
 */
public class NumericParams {
    @ServerRequestFilter
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        var uri = request.getUriInfo();
        for (Parameter p : resource.getResourceMethod().getParameters()) {
            Class<?> type = p.getType();
            boolean whole = type == long.class || type == Long.class || type == int.class || type == Integer.class;
            if (!whole) {
                continue;
            }
            String name;
            String value;
            PathParam path = p.getAnnotation(PathParam.class);
            QueryParam query = p.getAnnotation(QueryParam.class);
            if (path != null) {
                name = path.value();
                value = uri.getPathParameters().getFirst(name);
            } else if (query != null) {
                name = query.value();
                List<String> values = uri.getQueryParameters().get(name);
                if (values == null || values.isEmpty()) {
                    continue; // absent: the default applies, or the method copes with null
                }
                if (values.size() > 1) {
                    return invalid(uri.getPath(), name, "must be given once");
                }
                value = values.get(0);
                if (value.isEmpty() && p.getAnnotation(DefaultValue.class) == null && !type.isPrimitive()) {
                    continue; // "?editionId=" means no value for an optional number
                }
            } else {
                continue;
            }
            Min min = p.getAnnotation(Min.class);
            Max max = p.getAnnotation(Max.class);
            long low = min == null ? 1 : min.value();
            long high = max != null ? max.value() : (type == int.class || type == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE);
            String problem = check(value, low, high);
            if (problem != null) {
                return invalid(uri.getPath(), name, problem);
            }
        }
        return null;
    }

    /** Why {@code value} is not a whole number in low..high, or null when it is. */
    static String check(String value, long low, long high) {
        String range = high == Long.MAX_VALUE || high == Integer.MAX_VALUE ? "a whole number of at least " + low
                : "a whole number from " + low + " to " + high;
        if (value == null || !value.matches("[+-]?[0-9]{1,19}")) {
            return "must be " + range;
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return "must be " + range;
        }
        return n < low || n > high ? "must be " + range : null;
    }

    private static Response invalid(String path, String name, String message) {
        return ProblemMappers.response(ProblemType.VALIDATION_FAILED, name + ": " + message + ".", "/" + path.replaceFirst("^/", ""),
                List.of(new Problem.FieldError(name, message)));
    }
}
