package org.grandjour.resident;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.ProblemType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes a resident's postcode in Keycloak (the only place it lives; residents may not edit it) through
 * the admin REST API, as the realm's service-account client, like staff/KeycloakAccounts does.
 */
@ApplicationScoped
public class KeycloakProfiles {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "grandjour.keycloak.realm-url")
    String realmUrl;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-id", defaultValue = "grandjour-admin")
    String clientId;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-secret", defaultValue = "grandjour-admin-dev-secret")
    String clientSecret;
    @Inject
    ObjectMapper json;

    /** Reads the whole user and writes it back with the new postcode: a PUT drops the attributes it does not carry. */
    public void setPostcode(String userId, String postcode) {
        String token = serviceToken();
        String path = "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        HttpResponse<String> found = send(token, "GET", path, null);
        if (found.statusCode() == 404) {
            throw ProblemType.NOT_FOUND.exception("The resident's account no longer exists in Keycloak.");
        }
        ObjectNode user = (ObjectNode) read(expect(found, 200, "read the account"));
        ObjectNode attributes = user.has("attributes") && user.get("attributes").isObject()
                ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.set("postcode", json.valueToTree(List.of(postcode)));
        expect(send(token, "PUT", path, user), 204, "change the postcode");
    }

    private String serviceToken() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return read(expect(r, 200, "log in as the service account")).get("access_token").asText();
    }

    private HttpResponse<String> send(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl.replaceFirst("/realms/", "/admin/realms/") + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return exchange(request.build());
        } catch (IOException e) {
            throw ProblemType.INTERNAL_ERROR.exception("the account could not be written as JSON");
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ProblemType.SERVICE_UNAVAILABLE.exception("Keycloak is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemType.SERVICE_UNAVAILABLE.exception("Interrupted while calling Keycloak.");
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw ProblemType.ACCOUNT_SERVICE_FAILED.exception("Keycloak did not " + what + " (HTTP " + r.statusCode() + ").");
        }
        return r;
    }

    private JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw ProblemType.ACCOUNT_SERVICE_FAILED.exception("Keycloak answered something unreadable.");
        }
    }
}
