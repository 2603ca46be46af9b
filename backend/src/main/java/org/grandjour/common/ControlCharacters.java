package org.grandjour.common;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * No input string may carry control characters: PostgreSQL refuses a NUL byte outright (which used to
 * surface as a 500), and the others have no business in names, codes or postcodes and can hide text in
 * exports and logs. Query and path values may hold none; JSON strings may hold tab, line feed and
 * carriage return only (a description may have several lines).
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** Any C0 control or DEL, except tab, LF and CR when {@code multiline}. */
    public static boolean contains(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\t' || c == '\n' || c == '\r')))) {
                return true;
            }
        }
        return false;
    }

    /** Query and path values, checked before any resource method parses them. */
    public static class RequestFilter {
        @ServerRequestFilter(preMatching = true)
        public Response rejectControlCharacters(ContainerRequestContext request) {
            var uri = request.getUriInfo();
            if (contains(uri.getPath(), false)) {
                return ProblemMappers.response(ProblemType.VALIDATION_FAILED, "The path contains control characters.", null, null);
            }
            for (Map.Entry<String, List<String>> p : uri.getQueryParameters().entrySet()) {
                if (contains(p.getKey(), false) || p.getValue().stream().anyMatch(v -> contains(v, false))) {
                    String field = contains(p.getKey(), false) ? "query" : p.getKey();
                    return ProblemMappers.response(ProblemType.VALIDATION_FAILED, field + ": control characters are not allowed.",
                            uri.getPath(), List.of(new Problem.FieldError(field, "control characters are not allowed")));
                }
            }
            return null;
        }
    }

    /** JSON strings, refused as they are read, with the field named by the usual mapper. */
    @Singleton
    public static class JsonStrings implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("control-characters").addDeserializer(String.class, new StringDeserializer() {
                @Override
                public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                    String value = super.deserialize(p, ctx);
                    if (value != null && contains(value, true)) {
                        throw InvalidFormatException.from(p, "control characters are not allowed", value, String.class);
                    }
                    return value;
                }
            }));
        }
    }
}
