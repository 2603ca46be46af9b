package org.grandjour.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.grandjour.testsupport.PackagedInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * More than one instance, as the README documents it: three packaged backends on one database behind
 * HAProxy (stack/haproxy/grandjour.cfg), one of them killed with SIGKILL in the middle of a claim
 * rush. Every client retries with its own Idempotency-Key until it gets a definite answer; afterwards
 * every client that was told "yours" holds exactly one ticket, every client told "sold out" holds none,
 * the places sold are exactly the capacity (nothing lost, nothing oversold) and no answer was a 500.
 * Real Keycloak tokens from a realm of the test's own (a copy of the dev realm with its own residents).
 */
class ThreeInstancesFailoverIT {
    static final ObjectMapper JSON = PackagedInstances.JSON;
    static final HttpClient HTTP = PackagedInstances.HTTP;
    static final String KEYCLOAK = System.getenv().getOrDefault("GJ_KEYCLOAK_URL", "http://127.0.0.1:8180");
    static final String DB = "grandjour_failover_it";
    static final String REALM = "grandjour-failover-it";
    static final int LB_PORT = 18110;
    static final int[] API_PORTS = {18111, 18112, 18113};
    static final int RESIDENTS = 240;
    static final int PARTY = 2;
    static final int PLACES = 300; // fewer than the 480 persons asking, so the offer sells out during the rush
    static final String PASSWORD = "failover";

    static final Process[] instances = new Process[3];
    static PackagedInstances packaged;
    static Process haproxy;

    @BeforeAll
    static void startThreeInstancesBehindHaproxy() throws Exception {
        createRealm();
        packaged = new PackagedInstances(DB, "failover-instance");
        instances[0] = start(0, true); // the demo data (editions, attractions, offers) is loaded once
        waitReady(0);
        instances[1] = start(1, false);
        instances[2] = start(2, false);
        waitReady(1);
        waitReady(2);
        Map<String, String> env = new HashMap<>(Map.of("GJ_LB_PORT", String.valueOf(LB_PORT)));
        for (int i = 0; i < 3; i++) {
            env.put("GJ_API_" + (i + 1), String.valueOf(API_PORTS[i]));
            env.put("GJ_MGMT_" + (i + 1), String.valueOf(mgmtPort(i)));
        }
        ProcessBuilder pb = new ProcessBuilder("haproxy", "-db", "-f", Path.of("..", "stack", "haproxy", "grandjour.cfg").toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "failover-haproxy.log").toFile());
        pb.environment().putAll(env);
        haproxy = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (status("GET", "http://127.0.0.1:" + LB_PORT + "/api/editions") != 200) {
            assertThat(haproxy.isAlive()).as("haproxy died: see target/failover-haproxy.log").isTrue();
            assertThat(System.nanoTime()).as("HAProxy answering on " + LB_PORT).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopAll() {
        if (packaged != null) {
            packaged.close();
        }
        if (haproxy != null) {
            haproxy.destroy();
        }
    }

    static int mgmtPort(int i) {
        return PackagedInstances.managementPort(API_PORTS[i]);
    }

    static Process start(int i, boolean demo) throws IOException {
        return packaged.start(API_PORTS[i], demo, "192m", Map.of("GJ_OIDC_URL", KEYCLOAK + "/realms/" + REALM,
                // three pools on one PostgreSQL (max_connections 100) next to whatever else runs on it
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "12"));
    }

    static void waitReady(int i) throws Exception {
        packaged.waitReady(API_PORTS[i], instances[i], Duration.ofSeconds(300));
    }

    static int status(String method, String url) {
        return PackagedInstances.status(method, url);
    }

    @Test
    void killingOneInstanceDuringAClaimRushLosesNothingAndOversellsNothing() throws Exception {
        String organiser = token("failover-organiser");
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService logins = Executors.newFixedThreadPool(8);
        for (int r = 0; r < RESIDENTS; r++) {
            String user = "failover-resident-" + r;
            logins.submit(() -> tokens.put(user, token(user)));
        }
        logins.shutdown();
        assertThat(logins.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(tokens).hasSize(RESIDENTS);

        JsonNode offer = anUpcomingOffer(organiser);
        long offerId = offer.get("id").asLong();
        long editionId = offer.get("editionId").asLong();
        JsonNode before = offer;
        int taken = before.get("capacity").asInt() - before.get("remaining").asInt();
        call("PUT", "/api/admin/offers/" + offerId + "/capacity", organiser, Map.of("capacity", taken + PLACES));

        Map<String, Integer> finalStatus = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger transportErrors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(48);
        for (int r = 0; r < RESIDENTS; r++) {
            String user = "failover-resident-" + r;
            String key = "failover-" + r;
            clients.add(pool.submit(() -> {
                start.await();
                finalStatus.put(user, claimUntilDefinite(tokens.get(user), key, offerId, seen, transportErrors));
                done.incrementAndGet();
                return null;
            }));
        }
        start.countDown();
        // Once a sixth of the clients are served, freeze the second instance (SIGSTOP) for a moment, so
        // that the requests HAProxy keeps sending it pile up on it, then SIGKILL it (Process.destroyForcibly
        // on Linux): it dies without finishing them. HAProxy sends the ones it had not started on to
        // another instance; any it had started come back as 502 and the client retries with its key.
        while (done.get() < RESIDENTS / 6) {
            Thread.sleep(5);
        }
        new ProcessBuilder("kill", "-STOP", String.valueOf(instances[1].pid())).start().waitFor();
        Thread.sleep(1500);
        instances[1].destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int doneAtKill = done.get();
        for (Future<?> f : clients) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        System.out.printf("three instances, one frozen then killed after %d of %d clients: answers %s, transport errors %d%n",
                doneAtKill, RESIDENTS, seen, transportErrors.get());
        assertThat(seen.keySet()).as("no 500 at any point").noneMatch(k -> k.startsWith("500"));
        assertThat(instances[1].isAlive()).as("the second instance was killed during the rush").isFalse();
        assertThat(finalStatus.values()).as("every client ends with its ticket or sold out").allMatch(s -> s == 201 || s == 200 || s == 409);

        long winners = finalStatus.values().stream().filter(s -> s == 201 || s == 200).count();
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DB, "postgres", "")) {
            var perClient = c.prepareStatement("select holder_username, count(*) from ticket where offer_id = ? and idempotency_key like 'failover-%' group by 1");
            perClient.setLong(1, offerId);
            Map<String, Long> ticketsHeld = new HashMap<>();
            try (var rs = perClient.executeQuery()) {
                while (rs.next()) {
                    ticketsHeld.put(rs.getString(1), rs.getLong(2));
                }
            }
            finalStatus.forEach((user, s) -> assertThat(ticketsHeld.getOrDefault(user, 0L))
                    .as("%s was answered %d", user, s).isEqualTo(s == 409 ? 0L : 1L));
            var persons = c.prepareStatement("select coalesce(sum(party_size), 0) from ticket where offer_id = ? and status = 'ACTIVE'");
            persons.setLong(1, offerId);
            try (var rs = persons.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("persons holding tickets: exactly the capacity, never more").isEqualTo(taken + PLACES);
            }
        }
        assertThat(winners).as("every place went to a client that was told so").isEqualTo(PLACES / PARTY);
        JsonNode after = null;
        for (JsonNode o : call("GET", "/api/editions/" + editionId + "/offers?day=" + offer.get("day").asText(), organiser, null)) {
            if (o.get("id").asLong() == offerId) {
                after = o;
            }
        }
        assertThat(after).isNotNull();
        assertThat(after.get("remaining").asInt()).as("places left once the rush is over").isZero();
    }

    /** One client: claims with its key, retrying the same request while the answer says nothing definite. */
    static int claimUntilDefinite(String token, String key, long offerId, Map<String, AtomicInteger> seen, AtomicInteger transportErrors)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LB_PORT + "/api/tickets"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("offerId", offerId, "partySize", PARTY))))
                .build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long pause = 100;
        while (true) {
            int status;
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                String type = status >= 400 && response.body().startsWith("{") ? " " + JSON.readTree(response.body()).path("type").asText()
                        .replaceFirst(".*/", "") : "";
                seen.computeIfAbsent(status + type, s -> new AtomicInteger()).incrementAndGet();
                if (status == 409 && !type.equals(" sold-out")) {
                    return -409; // a conflict other than sold out: fails the test below, with its count in `seen`
                }
            } catch (IOException e) {
                transportErrors.incrementAndGet();
                status = -1;
            }
            boolean retry = status == -1 || status == 502 || status == 503 || status == 504;
            if (!retry || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 2); // back off, as a real client does, rather than storm the instances left
        }
    }

    static JsonNode anUpcomingOffer(String organiser) throws Exception {
        for (JsonNode e : call("GET", "/api/editions", organiser, null)) {
            if (e.get("current").asBoolean()) {
                LocalDate today = LocalDate.now(ZoneId.of(e.get("timeZone").asText()));
                JsonNode offers = call("GET", "/api/editions/" + e.get("id").asLong() + "/offers", organiser, null);
                for (JsonNode o : offers) {
                    if (!LocalDate.parse(o.get("day").asText()).isBefore(today)) {
                        return o;
                    }
                }
            }
        }
        throw new AssertionError("the demo data has no current edition with an offer from today on");
    }

    static JsonNode call(String method, String path, String token, Object body) throws Exception {
        return PackagedInstances.call(LB_PORT, method, path, token, body);
    }

    static String token(String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=grandjour-cli&username=" + user + "&password=" + PASSWORD))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token for " + user + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** A copy of the dev realm (same clients, roles and postcode claim) with this test's users, made fresh each run. */
    static void createRealm() throws Exception {
        String admin = JSON.readTree(send("POST", KEYCLOAK + "/realms/master/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))))
                .get("access_token").asText();
        send("DELETE", KEYCLOAK + "/admin/realms/" + REALM, admin, null, null); // 404 the first time: fine
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("..", "stack", "keycloak", "grandjour-realm.json")));
        realm.put("realm", REALM);
        realm.put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)"); // 240 logins in seconds, not minutes
        realm.put("bruteForceProtected", false);
        ArrayNode users = realm.putArray("users");
        addUser(users, "failover-organiser", "62300", "organiser");
        for (int r = 0; r < RESIDENTS; r++) {
            addUser(users, "failover-resident-" + r, "62300", "resident");
        }
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("realm created: " + created.body()).isEqualTo(201);
    }

    static void addUser(ArrayNode users, String username, String postcode, String role) {
        ObjectNode u = users.addObject();
        u.put("username", username).put("enabled", true).put("emailVerified", true)
                .put("firstName", "Failover").put("lastName", username).put("email", username + "@failover.invalid");
        u.putObject("attributes").putArray("postcode").add(postcode);
        u.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        u.putArray("realmRoles").add("default-roles-grandjour").add(role);
    }

    static String send(String method, String url, String bearer, String contentType, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
