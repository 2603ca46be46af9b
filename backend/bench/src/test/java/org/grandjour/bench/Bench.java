package org.grandjour.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Everything made before the clock starts: the Keycloak users and their tokens, the live edition
 * (40 offers for the spread rush, one hot offer, one probe offer at its own door) set up through
 * the organisers' API, the archive edition of a million tickets and scans, and the probe's tickets.
 * Then, after every scenario, the invariant check.
 */
final class Bench {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final BenchConfig config;
    final Database db;
    final List<String> residentTokens = new ArrayList<>();
    final List<String> staffTokens = new ArrayList<>();
    final List<String> warmUpTokens = new ArrayList<>();
    private List<String> probeTokens;
    final List<String> probePayloads = new ArrayList<>();
    final Queue<String> hotTickets = new ConcurrentLinkedQueue<>();
    final Map<String, List<Database.Verdict>> checks = new LinkedHashMap<>();
    final Map<String, Long> pgbench = new LinkedHashMap<>();
    final MemorySampler memory;
    String organiserToken;
    String probeStaffToken;
    long editionId;
    long archiveEditionId;
    List<Long> spreadOffers;
    long hotOffer;
    long hotAttraction;
    long probeOffer;
    long probeAttraction;
    long warmUpOffer;
    volatile boolean violated;

    private Bench(BenchConfig config) {
        this.config = config;
        this.db = new Database(config.jdbcUrl());
        this.memory = new MemorySampler(config.backendPid());
    }

    static Bench prepare(BenchConfig config) {
        Bench bench = new Bench(config);
        try {
            Files.createDirectories(config.outDir());
            bench.readPgbench();
            bench.login();
            bench.setUpEditions();
            bench.claimProbeTickets();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("benchmark set-up failed: " + e.getMessage(), e);
        }
        bench.memory.start();
        return bench;
    }

    private void readPgbench() throws IOException {
        Path file = config.outDir().resolve("pgbench.properties");
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> pgbench.put(k, Long.parseLong(p.getProperty(k).trim())));
        }
    }

    private void login() throws IOException {
        List<Keycloak.User> users = new ArrayList<>();
        for (int i = 1; i <= config.residents(); i++) {
            // one resident in five lives in Kent: the cross-border figures get counted too
            users.add(new Keycloak.User("res-%05d".formatted(i), i % 5 == 0 ? "CT1 2EH" : "62300", "resident"));
        }
        for (int i = 1; i <= config.probeTickets(); i++) {
            users.add(new Keycloak.User("probe-%03d".formatted(i), "62300", "resident"));
        }
        for (int i = 1; i <= config.devices(); i++) {
            users.add(new Keycloak.User("door-%02d".formatted(i), "62000", "staff"));
        }
        for (int i = 1; i <= config.claimUsers(); i++) {
            users.add(new Keycloak.User("warm-%02d".formatted(i), "62300", "resident"));
        }
        users.add(new Keycloak.User("door-probe", "62000", "staff"));
        users.add(new Keycloak.User("bench-organiser", "62000", "organiser"));
        Keycloak keycloak = new Keycloak(config);
        keycloak.ensureRealm(users);
        Map<String, String> tokens = keycloak.tokens(users.stream().map(Keycloak.User::username).toList());
        users.forEach(u -> {
            String token = tokens.get(u.username());
            if (u.username().startsWith("res-")) {
                residentTokens.add(token);
            } else if (u.username().matches("door-\\d+")) {
                staffTokens.add(token);
            } else if (u.username().startsWith("warm-")) {
                warmUpTokens.add(token);
            }
        });
        organiserToken = tokens.get("bench-organiser");
        probeStaffToken = tokens.get("door-probe");
        probeTokens = IntStream.rangeClosed(1, config.probeTickets()).mapToObj(i -> tokens.get("probe-%03d".formatted(i))).toList();
    }

    private void setUpEditions() throws SQLException {
        String api = config.apiUrl() + "/api/admin";
        Json.send("PUT", api + "/territories/FR-62", organiserToken, Map.of("nameFr", "Pas-de-Calais", "nameEn", "Pas-de-Calais",
                "country", "FR", "language", "fr", "timeZone", "Europe/Paris", "postcodePattern", "^62[0-9]{3}$"));
        Json.send("PUT", api + "/territories/GB-KEN", organiserToken, Map.of("nameFr", "Kent", "nameEn", "Kent",
                "country", "GB", "language", "en", "timeZone", "Europe/London", "postcodePattern", "^(CT|ME|TN|DA|BR)[0-9]{1,2} ?[0-9][A-Z]{2}$"));
        long stamp = Instant.now().getEpochSecond();
        LocalDate today = LocalDate.now(PARIS);
        editionId = edition(api, "bench-" + stamp, "Benchmark " + stamp, today, today.plusDays(1));
        archiveEditionId = edition(api, "bench-archive-" + stamp, "Benchmark archive " + stamp, today.plusDays(30), today.plusDays(30));

        List<Long> attractions = new ArrayList<>();
        for (int i = 1; i <= config.spreadOffers(); i++) {
            attractions.add(attraction(api, "b" + stamp + "-" + i, "Lieu " + i));
        }
        spreadOffers = attractions.stream().map(a -> offer(api, editionId, a, today, config.placesPerOffer())).toList();
        hotAttraction = attraction(api, "b" + stamp + "-hot", "Le lieu que tout le monde veut");
        hotOffer = offer(api, editionId, hotAttraction, today, config.hotCapacity());
        probeAttraction = attraction(api, "b" + stamp + "-probe", "Sonde");
        probeOffer = offer(api, editionId, probeAttraction, today, config.probeTickets());
        // tomorrow, so that the warm-up's tickets can be cancelled
        warmUpOffer = offer(api, editionId, attraction(api, "b" + stamp + "-warm-up", "Echauffement"), today.plusDays(1), 100_000);
        int perArchiveOffer = config.archiveTickets() / attractions.size();
        attractions.forEach(a -> offer(api, archiveEditionId, a, today.plusDays(30), perArchiveOffer));
        for (int i = 1; i <= config.devices(); i++) {
            Json.send("PUT", api + "/staff/door-%02d/attractions".formatted(i), organiserToken, Map.of("attractionIds", List.of(hotAttraction)));
        }
        Json.send("PUT", api + "/staff/door-probe/attractions", organiserToken, Map.of("attractionIds", List.of(probeAttraction)));

        long t0 = System.nanoTime();
        long territory = db.number("select id from territory where code = 'FR-62'");
        db.seedArchive(archiveEditionId, territory, perArchiveOffer * attractions.size());
        System.out.printf("Archive: %,d tickets and %,d scans in the database after %.0f s%n",
                db.number("select count(*) from ticket"), db.number("select count(*) from scan"), (System.nanoTime() - t0) / 1e9);
    }

    private long edition(String api, String slug, String name, LocalDate firstDay, LocalDate lastDay) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("slug", slug);
        input.put("name", name);
        input.put("timeZone", "Europe/Paris");
        input.put("firstDay", firstDay.toString());
        input.put("lastDay", lastDay.toString());
        input.put("claimOpensAt", now.minus(1, ChronoUnit.HOURS).toString());
        input.put("claimClosesAt", now.plus(12, ChronoUnit.HOURS).toString());
        input.put("maxTicketsPerResident", 4);
        input.put("maxPartySize", config.maxPartySize());
        input.put("territories", List.of("FR-62", "GB-KEN"));
        return Json.send("POST", api + "/editions", organiserToken, input).path("id").asLong();
    }

    private long attraction(String api, String slug, String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("slug", slug);
        input.put("territory", "FR-62");
        input.put("category", "MUSEUM");
        input.put("nameFr", name);
        input.put("nameEn", name);
        input.put("address", "1 rue du Banc d'Essai");
        input.put("town", "Lens");
        input.put("postcode", "62300");
        input.put("active", true);
        return Json.send("POST", api + "/attractions", organiserToken, input).path("id").asLong();
    }

    private long offer(String api, long edition, long attraction, LocalDate day, int capacity) {
        return Json.send("POST", api + "/editions/" + edition + "/offers", organiserToken,
                Map.of("attractionId", attraction, "day", day.toString(), "capacity", capacity)).path("id").asLong();
    }

    private void claimProbeTickets() {
        for (String token : probeTokens) {
            JsonNode ticket = Json.send("POST", config.apiUrl() + "/api/tickets", token, Map.of("offerId", probeOffer, "partySize", 1));
            probePayloads.add(ticket.path("qrPayload").asText());
        }
    }

    /** The release storm's offer, tickets, links and waiting list, written before the clock. */
    ReleaseStorm releaseStorm(int waitingParties) {
        try {
            return ReleaseStorm.prepare(config, db, organiserToken, editionId, String.valueOf(Instant.now().getEpochSecond()), waitingParties);
        } catch (SQLException e) {
            throw new IllegalStateException("release storm set-up failed: " + e.getMessage(), e);
        }
    }

    /** Runs every invariant, plus what the load generator saw against what the database holds. */
    void check(String after, List<Database.Verdict> seen) {
        long t0 = System.nanoTime();
        try {
            List<Database.Verdict> verdicts = new ArrayList<>(db.invariants());
            verdicts.addAll(seen);
            checks.put(after, verdicts);
            List<Database.Verdict> failed = verdicts.stream().filter(v -> !v.ok()).toList();
            if (!failed.isEmpty()) {
                violated = true;
            }
            System.out.printf("Invariants after %s: %d checked in %.1f s, %s%n", after, verdicts.size(), (System.nanoTime() - t0) / 1e9,
                    failed.isEmpty() ? "all hold" : "VIOLATED: " + failed.stream().map(Database.Verdict::check).collect(Collectors.joining("; ")));
        } catch (SQLException e) {
            violated = true;
            checks.put(after, List.of(new Database.Verdict("invariant check could not run: " + e.getMessage(), 1, 0, 0)));
        }
    }

    String offerList(List<Long> offers) {
        return offers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
