package org.grandjour.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The virtual residents, door staff and organiser are real Keycloak users of a realm of their own
 * (a copy of our dev realm: same clients, roles and postcode claim), so the backend validates real
 * Keycloak-signed tokens during the run. Their passwords are hashed with one PBKDF2 round: logging
 * 24,000 users in before the clock starts would otherwise take Keycloak most of an hour.
 */
final class Keycloak {
    static final String PASSWORD = "bench";

    record User(String username, String postcode, String role) {
    }

    private final BenchConfig config;

    Keycloak(BenchConfig config) {
        this.config = config;
    }

    /** Creates the realm with exactly these users, or keeps the one a previous run made with the same users. */
    void ensureRealm(List<User> users) throws IOException {
        String admin = adminToken();
        String fingerprint = "2:" + users.size() + ":" + users.hashCode(); // "2": with the service accounts
        String realmUrl = config.keycloakUrl() + "/admin/realms/" + config.realm();
        if (Json.status("GET", config.keycloakUrl() + "/realms/" + config.realm()) == 200) {
            JsonNode existing = Json.send("GET", realmUrl, admin, null);
            if (fingerprint.equals(existing.path("attributes").path("grandjourBenchUsers").asText())) {
                System.out.printf("Keycloak: reusing realm %s (%d users)%n", config.realm(), users.size());
                return;
            }
            Json.send("DELETE", realmUrl, admin, null);
        }
        ObjectNode realm = (ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(config.realmTemplate()));
        realm.put("realm", config.realm());
        realm.put("displayName", "Grand Jour (benchmark)");
        realm.put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        realm.put("bruteForceProtected", false);
        realm.put("accessTokenLifespan", 4 * 3600);
        realm.put("ssoSessionIdleTimeout", 8 * 3600);
        realm.put("ssoSessionMaxLifespan", 8 * 3600);
        realm.withObject("/attributes").put("grandjourBenchUsers", fingerprint);
        // the template's service accounts stay (the backend looks staff up in Keycloak through one);
        // its demo people give way to the benchmark's users
        ArrayNode list = Json.MAPPER.createArrayNode();
        realm.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                ObjectNode copy = u.deepCopy();
                copy.remove("id"); // user ids are unique across realms: the dev realm already has this one
                list.add(copy);
            }
        });
        realm.set("users", list);
        for (User u : users) {
            ObjectNode n = list.addObject();
            n.put("username", u.username()).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Bench").put("lastName", u.username()).put("email", u.username() + "@bench.invalid");
            n.putObject("attributes").putArray("postcode").add(u.postcode());
            n.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
            n.putArray("realmRoles").add("default-roles-grandjour").add(u.role());
        }
        long t0 = System.nanoTime();
        Json.send("POST", config.keycloakUrl() + "/admin/realms", admin, realm);
        System.out.printf("Keycloak: realm %s created with %d users in %.1f s%n", config.realm(), users.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * These users in the realm, the others kept: the realm is made with them if it does not exist, else
     * they are added (partial import, existing ones skipped), so that the backend's realm keys stay.
     */
    void addUsers(List<User> users) throws IOException {
        if (Json.status("GET", config.keycloakUrl() + "/realms/" + config.realm()) != 200) {
            ensureRealm(users);
            return;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (User u : users) {
            ObjectNode n = list.addObject();
            n.put("username", u.username()).put("enabled", true).put("emailVerified", true)
                    .put("firstName", "Bench").put("lastName", u.username()).put("email", u.username() + "@bench.invalid");
            n.putObject("attributes").putArray("postcode").add(u.postcode());
            n.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
            n.putArray("realmRoles").add("default-roles-grandjour").add(u.role());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("ifResourceExists", "SKIP");
        body.set("users", list);
        long t0 = System.nanoTime();
        JsonNode r = Json.send("POST", config.keycloakUrl() + "/admin/realms/" + config.realm() + "/partialImport", adminToken(), body);
        System.out.printf("Keycloak: %d users added to realm %s (%d skipped) in %.1f s%n", r.path("added").asInt(), config.realm(),
                r.path("skipped").asInt(), (System.nanoTime() - t0) / 1e9);
    }

    /** Logs every user in (password grant of the scripts' client), a few at a time. */
    Map<String, String> tokens(List<String> usernames) {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(8);
        String url = config.keycloakUrl() + "/realms/" + config.realm() + "/protocol/openid-connect/token";
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> all = usernames.stream().map(username -> {
            inFlight.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                            "client_id", "grandjour-cli", "username", username, "password", PASSWORD)))).build();
            return Json.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
                }
                try {
                    tokens.put(username, Json.MAPPER.readTree(r.body()).path("access_token").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).whenComplete((ok, e) -> inFlight.release());
        }).toList();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        System.out.printf("Keycloak: %d tokens in %.1f s%n", tokens.size(), (System.nanoTime() - t0) / 1e9);
        return tokens;
    }

    private String adminToken() {
        return Json.send("POST", config.keycloakUrl() + "/realms/master/protocol/openid-connect/token", null,
                form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")))
                .path("access_token").asText();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
