package org.grandjour.resident;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.grandjour.common.KeycloakAdminApi;
import org.grandjour.common.ProblemType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes a resident's postcode in Keycloak (the only place it lives; residents may not edit it) through
 * the admin REST API, as the realm's service-account client ({@link KeycloakAdminApi}).
 */
@ApplicationScoped
public class KeycloakProfiles {
    @Inject
    KeycloakAdminApi keycloak;
    @Inject
    ObjectMapper json;

    /** Reads the whole user and writes it back with the new postcode: a PUT drops the attributes it does not carry. */
    public void setPostcode(String userId, String postcode) {
        KeycloakAdminApi.Session admin = keycloak.session();
        String path = "/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        HttpResponse<String> found = admin.send("GET", path, null);
        if (found.statusCode() == 404) {
            throw ProblemType.NOT_FOUND.exception("The resident's account no longer exists in Keycloak.");
        }
        ObjectNode user = (ObjectNode) keycloak.read(KeycloakAdminApi.expect(found, 200, "read the account"));
        ObjectNode attributes = user.has("attributes") && user.get("attributes").isObject()
                ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.set("postcode", json.valueToTree(List.of(postcode)));
        admin.call("PUT", path, user, 204, "change the postcode");
    }
}
