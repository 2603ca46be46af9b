package org.grandjour.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed /openapi.yaml is the contract the SPA compiles against: it must be exactly what the
 * backend serves. Regenerate it with `stack/gen-openapi.sh` after changing a resource or a record.
 */
@QuarkusTest
class OpenApiContractTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void committedContractIsWhatTheBackendServes() throws IOException {
        Path committed = Path.of(System.getProperty("grandjour.openapi.committed", "../openapi.yaml"));
        assertThat(committed).as("the committed contract").exists();
        JsonNode served = YAML.readTree(given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode expected = YAML.readTree(Files.readString(committed));

        List<String> differences = new ArrayList<>();
        diff("", expected, served, differences);
        assertThat(differences)
                .as("openapi.yaml is stale: run stack/gen-openapi.sh and commit it (then `npm run gen:api` in frontend/)")
                .isEmpty();
    }

    @Test
    void everyOperationHasAnIdTagsAndDocumentedErrors() throws IOException {
        JsonNode doc = YAML.readTree(given().queryParam("format", "yaml").when().get("/q/openapi").asString());
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                assertThat(op.getValue().path("operationId").asText()).as(where + " operationId").isNotBlank();
                assertThat(op.getValue().path("tags").size()).as(where + " tags").isPositive();
                boolean hasProblem = false;
                for (Iterator<String> codes = op.getValue().path("responses").fieldNames(); codes.hasNext();) {
                    hasProblem |= codes.next().startsWith("4");
                }
                boolean parameterless = !op.getValue().has("parameters") && !op.getValue().has("requestBody")
                        && !op.getValue().has("security");
                assertThat(hasProblem || parameterless).as(where + " documents its 4xx responses").isTrue();
            }
        }
    }

    /** Key order is irrelevant; values and structure must match. */
    static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || actual == null) {
            out.add(at + (expected == null ? " is new in the backend" : " is gone from the backend"));
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            expected.fieldNames().forEachRemaining(k -> diff(at + "/" + k, expected.get(k), actual.get(k), out));
            actual.fieldNames().forEachRemaining(k -> {
                if (!expected.has(k)) {
                    out.add(at + "/" + k + " is new in the backend");
                }
            });
        } else if (!expected.equals(actual)) {
            out.add(at + ": committed " + expected + " but served " + actual);
        }
    }
}
