package org.grandjour.common;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Readiness is DOWN while Keycloak's signing keys cannot be had: without them every authenticated
 * request fails (503), so a load balancer must not send users here. The keys are fetched as the OIDC
 * extension does (discovery, then jwks_uri), each call bounded by a short timeout; a success is
 * remembered for a few seconds so that frequent probes stay cheap. With a local public key instead of
 * a Keycloak URL (some tests), there is nothing to check. The first fetch starts with the application,
 * next to the rest of its startup, so that the first probe after a restart usually answers from the
 * cache instead of waiting for it (restart to ready, issue 10).
 */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {
    static final String NAME = "Keycloak signing keys";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;
    @ConfigProperty(name = "grandjour.health.keycloak.timeout", defaultValue = "3s")
    Duration timeout;
    @ConfigProperty(name = "grandjour.health.keycloak.cache", defaultValue = "10s")
    Duration cache;

    @Inject
    ObjectMapper json;

    private volatile HttpClient http;
    private volatile Instant upUntil = Instant.MIN;
    private volatile String jwksUri;

    /** First of the startup observers, so the fetch overlaps the others (the demo loader's, the signing key's). */
    void warmUp(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Thread t = new Thread(this::call, "keycloak-readiness-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public HealthCheckResponse call() {
        String server = authServerUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (server == null) {
            return HealthCheckResponse.named(NAME).up().withData("keys", "local public key").build();
        }
        if (Instant.now().isBefore(upUntil)) {
            return HealthCheckResponse.named(NAME).up().withData("jwks", jwksUri).build();
        }
        return fetch(server);
    }

    private synchronized HealthCheckResponse fetch(String server) {
        if (Instant.now().isBefore(upUntil)) { // another probe fetched them while this one waited
            return HealthCheckResponse.named(NAME).up().withData("jwks", jwksUri).build();
        }
        try {
            if (jwksUri == null) {
                JsonNode discovery = get(server.replaceAll("/+$", "") + "/.well-known/openid-configuration");
                String uri = discovery.path("jwks_uri").asText("");
                if (uri.isEmpty()) return down(server, "no jwks_uri in the discovery document");
                jwksUri = uri;
            }
            JsonNode keys = get(jwksUri).path("keys");
            if (!keys.isArray() || keys.isEmpty()) return down(server, "no keys at " + jwksUri);
            upUntil = Instant.now().plus(cache);
            return HealthCheckResponse.named(NAME).up().withData("jwks", jwksUri).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(server, "interrupted");
        } catch (Exception e) {
            jwksUri = null; // the discovery document may have moved with a new Keycloak URL
            return down(server, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> response = client().send(
                HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
        return json.readTree(response.body());
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            http = c;
        }
        return c;
    }

    private static HealthCheckResponse down(String server, String reason) {
        return HealthCheckResponse.named(NAME).down().withData("server", server).withData("reason", reason).build();
    }
}
