package org.grandjour.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the benchmark runs against and how big it is: "full" is the scale (20,000 places over
 * 40 offers, 1,000,000 tickets and scans behind the dashboard), "smoke" the same scenarios small
 * enough to run in about a minute inside the test command. Set with -Dbench.* system properties.
 */
record BenchConfig(
        String scale,
        String apiUrl,
        String keycloakUrl,
        String realm,
        Path realmTemplate,
        String jdbcUrl,
        Path outDir,
        int residents,
        int spreadOffers,
        int placesPerOffer,
        int hotCapacity,
        int maxPartySize,
        int claimUsers,
        int devices,
        int probeTickets,
        int archiveTickets,
        int statsUsers,
        Duration statsDuration,
        Duration warmUp,
        long backendPid) {

    static BenchConfig fromSystemProperties() {
        boolean smoke = "smoke".equals(System.getProperty("bench.scale", "full"));
        return new BenchConfig(
                smoke ? "smoke" : "full",
                prop("bench.api-url", "http://127.0.0.1:8095"),
                prop("bench.keycloak-url", "http://127.0.0.1:8180"),
                prop("bench.realm", "grandjour-bench"),
                Path.of(prop("bench.realm-template", "../../stack/keycloak/grandjour-realm.json")),
                prop("bench.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/grandjour_bench?user=postgres"),
                Path.of(prop("bench.out", "target/bench")),
                number("bench.residents", smoke ? 1_000 : 24_000),
                number("bench.spread-offers", 40),
                number("bench.places-per-offer", smoke ? 10 : 500),
                number("bench.hot-capacity", smoke ? 400 : 20_000),
                4,
                number("bench.claim-users", smoke ? 8 : 32),
                number("bench.devices", smoke ? 8 : 32),
                number("bench.probe-tickets", smoke ? 20 : 200),
                number("bench.archive-tickets", smoke ? 20_000 : 1_000_000),
                number("bench.stats-users", smoke ? 2 : 8),
                Duration.ofSeconds(number("bench.stats-seconds", smoke ? 5 : 20)),
                Duration.ofSeconds(number("bench.warm-up-seconds", smoke ? 5 : 60)),
                Long.parseLong(prop("bench.backend-pid", "0")));
    }

    int spreadPlaces() {
        return spreadOffers * placesPerOffer;
    }

    private static String prop(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(prop(name, String.valueOf(fallback)));
    }
}
