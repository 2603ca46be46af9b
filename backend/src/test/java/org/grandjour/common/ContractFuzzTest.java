package org.grandjour.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.grandjour.testsupport.LocalTokens;
import org.grandjour.testsupport.TestData;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Contract fuzzing: every operation of the committed openapi.yaml, as every kind of caller (anonymous,
 * resident, staff, organiser, a forged token), with boundary and wrong-typed numbers, control
 * characters, long strings, malformed JSON, wrong content types, missing bodies and arrays for objects.
 * No answer may be a 5xx, and every 4xx is a problem+json with a type. Deterministic: the values come
 * from the contract and a fixed list (the seed only orders the requests).
 */
@QuarkusTest
@TestProfile(ContractFuzzTest.Profile.class)
class ContractFuzzTest {
    /**
     * Local tokens. Keycloak is the machine's one: staff assignments look accounts up there (read only),
     * and no generated staff account reaches it, as every generated body has an invalid email.
     */
    public static class Profile extends LocalTokens.Profile {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LONG = "x".repeat(100_000);
    /** Paths and query strings stay under the HTTP server's 4 KB request line. */
    static final String LONG_URL = "x".repeat(2_000);
    static final List<String> PARAM_VALUES = List.of("0", "-1", "2147483648", "9223372036854775808", "1e309", "abc", "1.5",
            "%00", "a%01b", "%7F", "%2B999999999-12-31", "0001-01-01", "..%2F..%2Fetc", "null", "", LONG_URL, "%E2%80%AE", "%FF");
    static final List<String> BODY_VALUES = List.of("0", "-1", "2147483648", "9223372036854775808", "1e309", "-1e309", "1.5",
            "\"abc\"", "\"\\u0000\"", "\"a\\u0007b\"", "\"" + LONG + "\"", "null", "[]", "{}", "[{}]", "true", "\"+999999999-12-31\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-1\"", "\"\"", "2147483647");
    static final List<String> WHOLE_BODIES = List.of("", "{", "{\"a\":", "[]", "[{}]", "\"text\"", "null", "42", "{}",
            "\u0000", "{\"" + LONG + "\": 1}", "[" + "[".repeat(2000) + "]".repeat(2001));

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;

    record Call(String method, String path, String contentType, String body, String role) {
    }

    @Test
    void noGeneratedRequestGetsA5xxAndEvery4xxIsAProblem() throws Exception {
        data.territory(TestData.PAS_DE_CALAIS);
        JsonNode contract = new YAMLMapper().readTree(Path.of(System.getProperty("grandjour.openapi.committed", "../openapi.yaml")).toFile());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("resident", LocalTokens.resident("fuzz-resident", "62300"));
        tokens.put("staff", LocalTokens.token("staff", "62000", "staff"));
        tokens.put("organiser", LocalTokens.token("fuzz-organiser", null, "organiser"));
        String real = LocalTokens.token("fuzz-organiser", null, "organiser", "staff", "resident");
        tokens.put("forged", real.substring(0, real.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString("not the signature".getBytes(StandardCharsets.UTF_8)));

        List<Call> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                var op = ops.next();
                for (String role : tokens.keySet()) {
                    generate(contract, op.getKey().toUpperCase(), path.getKey(), op.getValue(), role, calls);
                }
            }
        }
        java.util.Collections.shuffle(calls, new Random(20261202L));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int sent = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        long started = System.nanoTime();
        for (Call c : calls) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base.toString().replaceFirst("/$", "") + c.path()))
                    .timeout(Duration.ofSeconds(60));
            if (tokens.get(c.role()) != null) {
                r.header("Authorization", "Bearer " + tokens.get(c.role()));
            }
            if (c.contentType() != null) {
                r.header("Content-Type", c.contentType());
            }
            r.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
            HttpResponse<InputStream> response = http.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
            sent++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (InputStream in = response.body()) {
                // a live stream that was accepted is not read to its end
                body = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String what = c.role() + " " + c.method() + " " + abbreviate(c.path()) + " [" + c.contentType() + "] "
                    + abbreviate(String.valueOf(c.body())) + " -> " + response.statusCode() + " " + abbreviate(body);
            if (response.statusCode() >= 500) {
                serverErrors.add(what);
            } else if (response.statusCode() >= 400) {
                boolean problem = type.startsWith("application/problem+json");
                JsonNode json = problem ? JSON.readTree(body) : null;
                if (!problem || !json.path("type").isTextual() || json.path("status").asInt() != response.statusCode()) {
                    notProblems.add(what);
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("CONTRACT FUZZ: %d requests sent in %d s, %d 5xx seen, %d 4xx without problem+json%n", sent, seconds,
                serverErrors.size(), notProblems.size());
        System.out.println("CONTRACT FUZZ: answers by status " + statuses);
        serverErrors.stream().limit(40).forEach(e -> System.out.println("  5xx: " + e));
        notProblems.stream().limit(40).forEach(e -> System.out.println("  not a problem: " + e));
        assertThat(sent).isGreaterThanOrEqualTo(5000);
        assertThat(statuses.keySet()).as("the generated requests reach the services, not only the security checks")
                .contains(200, 400, 401, 403, 404, 415, 422);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(notProblems).as("4xx answers that are not problem+json with a type").isEmpty();
    }

    private void generate(JsonNode contract, String method, String template, JsonNode op, String role, List<Call> out) {
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p);
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
            }
        }
        JsonNode bodySchema = op.path("requestBody").path("content").path("application/json").path("schema");
        boolean hasBody = !bodySchema.isMissingNode();
        String validBody = hasBody ? valid(contract, bodySchema, 0).toString() : null;
        String json = hasBody ? "application/json" : null;
        String validPath = fill(template, pathParams, null, null);
        String validQuery = query(queryParams, null, null);

        out.add(new Call(method, validPath + validQuery, json, validBody, role));
        for (JsonNode p : pathParams) {
            for (String v : PARAM_VALUES) {
                if (!v.isEmpty()) {
                    out.add(new Call(method, fill(template, pathParams, p.path("name").asText(), v) + validQuery, json, validBody, role));
                }
            }
        }
        for (JsonNode p : queryParams) {
            for (String v : PARAM_VALUES) {
                out.add(new Call(method, validPath + query(queryParams, p.path("name").asText(), v), json, validBody, role));
            }
        }
        if (hasBody) {
            String url = validPath + validQuery;
            for (String whole : WHOLE_BODIES) {
                out.add(new Call(method, url, json, whole, role));
            }
            out.add(new Call(method, url, null, null, role));
            out.add(new Call(method, url, json, null, role));
            out.add(new Call(method, url, "text/plain", validBody, role));
            out.add(new Call(method, url, "application/xml", "<a/>", role));
            out.add(new Call(method, url, "application/x-www-form-urlencoded", "a=1", role));
            out.add(new Call(method, url, "application/json; charset=ISO-8859-1", validBody, role));
            out.add(new Call(method, url, "multipart/form-data; boundary=x", "--x--", role));
            out.add(new Call(method, url, "application/json", "[" + validBody + "]", role));
            JsonNode parsed = readTree(validBody);
            if (parsed instanceof ObjectNode object) {
                for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                    String field = names.next();
                    for (String v : BODY_VALUES) {
                        ObjectNode copy = object.deepCopy();
                        copy.putNull(field);
                        out.add(new Call(method, url, json, copy.toString().replace("\"" + field + "\":null", "\"" + field + "\":" + v), role));
                    }
                }
                ObjectNode extra = object.deepCopy();
                extra.put("unknownField", 1);
                out.add(new Call(method, url, json, extra.toString(), role));
            }
        } else if (!"GET".equals(method)) {
            out.add(new Call(method, validPath + validQuery, "application/json", "{\"a\": \"\\u0000\"}", role));
        }
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fill(String template, List<JsonNode> params, String name, String value) {
        String path = template;
        for (JsonNode p : params) {
            String n = p.path("name").asText();
            String v = n.equals(name) ? value : sample(p.path("schema"), n);
            path = path.replace("{" + n + "}", v);
        }
        return path;
    }

    private static String query(List<JsonNode> params, String name, String value) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : params) {
            String n = p.path("name").asText();
            String v = n.equals(name) ? value : sample(p.path("schema"), n);
            q.append(q.length() == 0 ? "?" : "&").append(n).append('=').append(v);
        }
        return q.toString();
    }

    /** A plausible URL value for a parameter of this schema. */
    private static String sample(JsonNode schema, String name) {
        if (schema.path("enum").isArray()) {
            return URLEncoder.encode(schema.path("enum").get(0).asText(), StandardCharsets.UTF_8);
        }
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> schema.has("minimum") ? schema.path("minimum").asText() : "1";
            default -> switch (name) {
                case "day" -> java.time.LocalDate.now().plusDays(3).toString();
                case "code", "territory" -> TestData.PAS_DE_CALAIS;
                case "postcode" -> "62300";
                case "username" -> "staff";
                default -> "fuzz";
            };
        };
    }

    /** A plausible JSON value for a schema, following $ref. */
    private static JsonNode valid(JsonNode contract, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText().replaceFirst("^#/components/schemas/", "");
            return valid(contract, contract.path("components").path("schemas").path(ref), depth + 1);
        }
        if (schema.has("allOf")) {
            return valid(contract, schema.path("allOf").get(0), depth + 1);
        }
        if (schema.path("enum").isArray()) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText();
        if (schema.has("properties") || "object".equals(type)) {
            ObjectNode o = JSON.createObjectNode();
            if (depth < 5) {
                for (Iterator<Map.Entry<String, JsonNode>> f = schema.path("properties").fields(); f.hasNext();) {
                    var field = f.next();
                    o.set(field.getKey(), valid(contract, field.getValue(), depth + 1));
                }
            }
            return o;
        }
        return switch (type) {
            case "integer" -> JSON.getNodeFactory().numberNode(schema.has("minimum") ? schema.path("minimum").asLong() : 1);
            case "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode().add(valid(contract, schema.path("items"), depth + 1));
            default -> JSON.getNodeFactory().textNode(switch (schema.path("format").asText()) {
                case "date" -> java.time.LocalDate.now().plusDays(3).toString();
                case "date-time" -> java.time.Instant.now().toString();
                default -> "fuzz-value";
            });
        };
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "...(" + flat.length() + ")" : flat;
    }
}
