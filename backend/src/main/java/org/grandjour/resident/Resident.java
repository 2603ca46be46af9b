package org.grandjour.resident;

import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, as the access token says. The postcode is a user-profile attribute in Keycloak. */
public record Resident(String subject, String username, String name, String firstName, String postcode, List<String> roles,
                       String email, String language) {

    public static Resident from(SecurityIdentity identity, JsonWebToken jwt) {
        String username = firstNonBlank(jwt.getClaim("preferred_username"), identity.getPrincipal().getName());
        String name = firstNonBlank(jwt.getClaim("name"),
                join(jwt.getClaim("given_name"), jwt.getClaim("family_name")));
        String subject = firstNonBlank(jwt.getSubject(), username);
        return new Resident(subject, username, name, firstNonBlank(jwt.getClaim("given_name"), name), jwt.getClaim("postcode"),
                identity.getRoles().stream().sorted().toList(), firstNonBlank((Object) jwt.getClaim("email")),
                firstNonBlank((Object) jwt.getClaim("locale"))); // the language chosen in Keycloak, if any
    }

    private static String join(Object first, Object last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return null;
    }
}
