package org.grandjour.staff;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.grandjour.common.KeycloakAdminApi;
import org.grandjour.common.ProblemType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Creates door-staff accounts in Keycloak through its admin REST API, as the realm's service-account
 * client ({@link KeycloakAdminApi}; never with the admin's password).
 */
@ApplicationScoped
public class KeycloakAccounts {
    @Inject
    KeycloakAdminApi keycloak;

    public void createStaff(StaffAccountInput in) {
        KeycloakAdminApi.Session admin = keycloak.session();
        Map<String, Object> user = Map.of("username", in.username(), "enabled", true, "firstName", in.firstName(),
                "lastName", in.lastName(), "email", in.email(), "emailVerified", true,
                "attributes", Map.of("postcode", List.of(in.postcode())),
                "credentials", List.of(Map.of("type", "password", "value", in.temporaryPassword(), "temporary", true)));
        HttpResponse<String> created = admin.send("POST", "/users", user);
        if (created.statusCode() == 409) {
            throw ProblemType.ALREADY_EXISTS.exception("A Keycloak account '" + in.username() + "' (or with this email) already exists.");
        }
        KeycloakAdminApi.expect(created, 201, "create the account");
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode role = admin.get("/roles/staff", "read the staff role");
        admin.call("POST", "/users/" + userId + "/role-mappings/realm", List.of(role), 204, "give the staff role");
    }

    /** Whether a Keycloak account of exactly this username exists and holds the staff role (directly or through a group or composite). */
    public boolean isStaff(String username) {
        KeycloakAdminApi.Session admin = keycloak.session();
        JsonNode users = admin.get("/users?exact=true&briefRepresentation=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), "look the account up");
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                JsonNode roles = admin.get("/users/" + user.path("id").asText() + "/role-mappings/realm/composite", "read the account's roles");
                for (JsonNode role : roles) {
                    if ("staff".equals(role.path("name").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
