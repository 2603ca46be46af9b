package org.grandjour.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grandjour.resident.Resident;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the current request, as its access token says: the one place resources learn the
 * caller's name, roles or resident profile, instead of each reading the security identity itself.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;

    /** The account name: what the audit log and the scan records call the caller. */
    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller as a resident (postcode, names), built from the token by {@link Resident#from}. */
    public Resident resident() {
        return Resident.from(identity, jwt);
    }
}
