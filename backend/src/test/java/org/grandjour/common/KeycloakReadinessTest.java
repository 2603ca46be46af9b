package org.grandjour.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The readiness check against a real HTTP server playing Keycloak's discovery and key endpoints. */
class KeycloakReadinessTest {
    HttpServer server;
    final AtomicReference<String> keys = new AtomicReference<>("{\"keys\":[{\"kid\":\"k1\",\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}");
    final AtomicInteger keyFetches = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> send(exchange,
                "{\"issuer\":\"" + base + "/realms/test\",\"jwks_uri\":\"" + base + "/realms/test/protocol/openid-connect/certs\"}"));
        server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> {
            keyFetches.incrementAndGet();
            send(exchange, keys.get());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    KeycloakReadiness check(String url, Duration cache) {
        KeycloakReadiness check = new KeycloakReadiness();
        check.authServerUrl = Optional.of(url);
        check.timeout = Duration.ofSeconds(3);
        check.cache = cache;
        check.json = new ObjectMapper();
        return check;
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    @Test
    void upWhenTheKeysAreServedAndRemembered() {
        KeycloakReadiness check = check(realm(), Duration.ofMinutes(5));
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
        assertThat(keyFetches).as("the second probe answers from the cache").hasValue(1);
    }

    @Test
    void downWhenTheKeySetIsEmptyThenUpAgainOnceKeysAreBack() {
        KeycloakReadiness check = check(realm(), Duration.ZERO);
        keys.set("{\"keys\":[]}");
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
        keys.set("{\"keys\":[{\"kid\":\"k2\"}]}");
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenKeycloakIsGoneAndNotRememberedAsUp() {
        KeycloakReadiness check = check(realm(), Duration.ZERO);
        assertThat(check.call().getStatus()).isEqualTo(Status.UP);
        server.stop(0);
        assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downForAWrongRealm() {
        assertThat(check(realm().replace("/test", "/other"), Duration.ZERO).call().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void nothingToCheckWithALocalPublicKey() {
        assertThat(check("", Duration.ZERO).call().getStatus()).isEqualTo(Status.UP);
    }
}
