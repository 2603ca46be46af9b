package org.grandjour.staff;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.grandjour.common.ProblemType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates door-staff accounts in Keycloak through its admin REST API, as the realm's service-account
 * client (never with the admin's password).
 */
@ApplicationScoped
public class KeycloakAccounts {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "grandjour.keycloak.realm-url")
    String realmUrl;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-id", defaultValue = "grandjour-admin")
    String clientId;
    @ConfigProperty(name = "grandjour.keycloak.admin-client-secret", defaultValue = "grandjour-admin-dev-secret")
    String clientSecret;
    @Inject
    ObjectMapper json;

    /** The admin API of the same realm: .../realms/x becomes .../admin/realms/x. */
    private String adminUrl() {
        return realmUrl.replaceFirst("/realms/", "/admin/realms/");
    }

    public void createStaff(StaffAccountInput in) {
        String token = serviceToken();
        Map<String, Object> user = Map.of("username", in.username(), "enabled", true, "firstName", in.firstName(),
                "lastName", in.lastName(), "email", in.email(), "emailVerified", true,
                "attributes", Map.of("postcode", List.of(in.postcode())),
                "credentials", List.of(Map.of("type", "password", "value", in.temporaryPassword(), "temporary", true)));
        HttpResponse<String> created = send(token, "POST", "/users", user);
        if (created.statusCode() == 409) {
            throw ProblemType.ALREADY_EXISTS.exception("A Keycloak account '" + in.username() + "' (or with this email) already exists.");
        }
        expect(created, 201, "create the account");
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode role = read(expect(send(token, "GET", "/roles/staff", null), 200, "read the staff role"));
        expect(send(token, "POST", "/users/" + userId + "/role-mappings/realm", List.of(role)), 204, "give the staff role");
    }

    /** Whether a Keycloak account of exactly this username exists and holds the staff role (directly or through a group or composite). */
    public boolean isStaff(String username) {
        String token = serviceToken();
        JsonNode users = read(expect(send(token, "GET", "/users?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null), 200, "look the account up"));
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                JsonNode roles = read(expect(send(token, "GET", "/users/" + user.path("id").asText() + "/role-mappings/realm/composite", null),
                        200, "read the account's roles"));
                for (JsonNode role : roles) {
                    if ("staff".equals(role.path("name").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String serviceToken() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return read(expect(r, 200, "log in as the service account")).get("access_token").asText();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
    }

    private HttpResponse<String> send(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl() + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
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

    private static RuntimeException unreachable(Exception e) {
        return ProblemType.SERVICE_UNAVAILABLE.exception("Keycloak is unreachable: " + e.getMessage());
    }
}
