package org.grandjour.common;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API for our realm, called as the realm's service-account client (never with
 * an administrator's password): staff/KeycloakAccounts creates and checks door-staff accounts through
 * it, resident/KeycloakProfiles changes a resident's postcode. Keycloak unreachable is a 503 problem,
 * an unexpected answer from it a 502 ({@link ProblemType#ACCOUNT_SERVICE_FAILED}).
 */
@ApplicationScoped
public class KeycloakAdminApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "grandjour.keycloak.realm-url")
    String realmUrl;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-id", defaultValue = "grandjour-admin")
    String clientId;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-secret", defaultValue = "grandjour-admin-dev-secret")
    String clientSecret;
    @Inject
    ObjectMapper json;

    /** Logs in as the service account; the session's calls carry its token. */
    public Session session() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return new Session(read(expect(r, 200, "log in as the service account")).get("access_token").asText());
    }

    /** Calls as the service account, on the admin API of the same realm (.../realms/x becomes .../admin/realms/x). */
    public final class Session {
        private final String token;

        private Session(String token) {
            this.token = token;
        }

        /** The answer as it came, for callers that tell some statuses apart (404, 409). */
        public HttpResponse<String> send(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl.replaceFirst("/realms/", "/admin/realms/") + path))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
            try {
                request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } catch (IOException e) {
                throw ProblemType.INTERNAL_ERROR.exception("the request to Keycloak could not be written as JSON");
            }
            return exchange(request.build());
        }

        /** Sends and expects this status (502 problem otherwise, saying what Keycloak did not do). */
        public HttpResponse<String> call(String method, String path, Object body, int status, String what) {
            return expect(send(method, path, body), status, what);
        }

        /** {@link #call} with a 200 answer, read as JSON. */
        public JsonNode get(String path, String what) {
            return read(call("GET", path, null, 200, what));
        }
    }

    public static HttpResponse<String> expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw ProblemType.ACCOUNT_SERVICE_FAILED.exception("Keycloak did not " + what + " (HTTP " + r.statusCode() + ").");
        }
        return r;
    }

    public JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw ProblemType.ACCOUNT_SERVICE_FAILED.exception("Keycloak answered something unreadable.");
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
}
