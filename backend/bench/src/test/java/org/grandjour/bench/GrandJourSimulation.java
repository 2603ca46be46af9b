package org.grandjour.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The load benchmark, scenario after scenario, each followed by the invariant check:
 * 1. claim rush spread over 40 offers, 2. every resident on one hot offer, 3. the door rush at that
 * attraction (with the scan-to-dashboard probe), 4. the dashboard's stats with a million tickets and
 * scans behind them. Set-up (users, tokens, editions, archive) happens before the clock starts.
 */
public class GrandJourSimulation extends Simulation {
    private final BenchConfig config = BenchConfig.fromSystemProperties();
    private final Bench bench = Bench.prepare(config);

    private final ClaimRush spread = new ClaimRush("1. claim rush, spread", bench.spreadOffers,
            bench.residentTokens, config.maxPartySize(), null);
    // the same residents come back for a second ticket, all at the one offer everybody wants
    private final ClaimRush hot = new ClaimRush("2. hot attraction", List.of(bench.hotOffer),
            bench.residentTokens, config.maxPartySize(), bench.hotTickets);
    private final DoorRush door = new DoorRush("3. door rush", bench.hotTickets, bench.staffTokens,
            () -> new SseProbe(config.apiUrl(), bench.editionId, bench.probeOffer, bench.probeAttraction, bench.organiserToken,
                    bench.probeStaffToken, bench.probePayloads, Results.scenario("3. door rush")));
    private final Results.Scenario warmUp = Results.scenario("0. warm-up");
    private final Results.Scenario dashboard = Results.scenario("4. dashboard");
    private final ReleaseStorm storm = bench.releaseStorm(config.scale().equals("smoke") ? 200 : 5_000);

    private final HttpProtocolBuilder protocol = http.baseUrl(config.apiUrl())
            .acceptHeader("application/json").contentTypeHeader("application/json")
            .disableWarmUp().disableCaching();

    {
        setUp(warmUp().injectOpen(rampUsers(config.claimUsers()).during(Duration.ofSeconds(3))).andThen(
                claims(spread).injectOpen(rampUsers(config.claimUsers()).during(Duration.ofSeconds(3))).andThen(
                check("1. claim rush, spread", () -> claimed(spread)).injectOpen(atOnceUsers(1)).andThen(
                        claims(hot).injectOpen(rampUsers(config.claimUsers()).during(Duration.ofSeconds(3))).andThen(
                                check("2. hot attraction", () -> claimed(hot)).injectOpen(atOnceUsers(1)).andThen(
                                        doorRush().injectOpen(rampUsers(config.devices()).during(Duration.ofSeconds(2))).andThen(
                                                check("3. door rush", this::scanned).injectOpen(atOnceUsers(1)).andThen(
                                                        stats().injectOpen(rampUsers(config.statsUsers()).during(Duration.ofSeconds(1))).andThen(
                                                                check("4. dashboard", List::of).injectOpen(atOnceUsers(1)).andThen(
                                                                        storm.releases(bench.memory).injectOpen(
                                                                                rampUsers(config.claimUsers()).during(Duration.ofSeconds(1))).andThen(
                                                                                check(ReleaseStorm.NAME, storm::checks).injectOpen(atOnceUsers(1)))))))))))))
                .protocols(protocol);
    }

    /**
     * Before the clock: claim, scan at the wrong door, cancel and reload the stats, over and over, so
     * that the JVM has compiled the hot paths when the measured scenarios start (a cold JVM spends a
     * quarter of its CPU in its compilers). Not measured against any target.
     */
    private ScenarioBuilder warmUp() {
        return scenario(warmUp.name)
                .exec(session -> {
                    bench.memory.scenario(warmUp.name);
                    return session.set("token", bench.warmUpTokens.get((int) (session.userId() % bench.warmUpTokens.size())));
                })
                .during(config.warmUp()).on(
                        exec(http("warm-up: claim").post("/api/tickets").header("Authorization", "Bearer #{token}")
                                .body(StringBody("{\"offerId\":" + bench.warmUpOffer + ",\"partySize\":1}"))
                                .check(status().is(201), jsonPath("$.id").saveAs("ticket"), jsonPath("$.qrPayload").saveAs("code")))
                                .exec(session -> session.set("scanId", java.util.UUID.randomUUID().toString())
                                        .set("scannedAt", java.time.Instant.now().toString()))
                                .exec(http("warm-up: scan at another door").post("/api/scans").header("Authorization", "Bearer " + bench.probeStaffToken)
                                        .body(StringBody("{\"code\":\"#{code}\",\"attractionId\":" + bench.probeAttraction
                                                + ",\"deviceId\":\"warm-up\",\"scanId\":\"#{scanId}\",\"scannedAt\":\"#{scannedAt}\"}"))
                                        .check(status().is(200), jsonPath("$.verdict").is("WRONG_ATTRACTION")))
                                .exec(http("warm-up: cancel").delete("/api/tickets/#{ticket}").header("Authorization", "Bearer #{token}")
                                        .check(status().is(204)))
                                .exec(http("warm-up: stats").get("/api/editions/" + bench.archiveEditionId + "/stats")
                                        .header("Authorization", "Bearer " + bench.organiserToken).check(status().is(200)))
                                .exec(session -> {
                                    warmUp.count(session.isFailed() ? "cycle with a failed step" : "claim, scan, cancel, stats");
                                    if (session.isFailed()) {
                                        warmUp.unexpected("warm-up cycle with a failed step (see Gatling's report)");
                                    }
                                    return session.markAsSucceeded();
                                }));
    }

    private ScenarioBuilder claims(ClaimRush rush) {
        ChainBuilder claim = exec(http("#{request}").post("/api/tickets")
                .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                .body(StringBody("{\"offerId\":#{offerId},\"partySize\":#{party}}"))
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                        jsonPath("$.type").optional().saveAs("type"), jsonPath("$.remaining").optional().saveAs("remaining"),
                        jsonPath("$.qrPayload").optional().saveAs("payload"), status().in(200, 201, 409)))
                .exec(rush::afterClaim);
        return scenario(rush.results.name)
                .exec(session -> {
                    bench.memory.scenario(rush.results.name);
                    return session;
                })
                .asLongAs(session -> rush.going()).on(
                        exec(rush::nextResident).asLongAs(session -> session.contains("offerId")).on(claim));
    }

    private ScenarioBuilder doorRush() {
        ChainBuilder scan = exec(http("#{request}").post("/api/scans").header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"code\":\"#{code}\",\"attractionId\":" + bench.hotAttraction
                        + ",\"deviceId\":\"#{device}\",\"scanId\":\"#{scanId}\",\"scannedAt\":\"#{scannedAt}\"}"))
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                        jsonPath("$.type").optional().saveAs("type"), jsonPath("$.verdict").optional().saveAs("verdict"),
                        jsonPath("$.personsAdmittedNow").optional().saveAs("admitted"), status().is(200)))
                .exec(door::afterScan);
        return scenario(door.results.name)
                .exec(session -> {
                    bench.memory.scenario(door.results.name);
                    return door.begin(session);
                })
                .asLongAs(session -> session.contains("code")).on(scan)
                .exec(door::finish);
    }

    private ScenarioBuilder stats() {
        return scenario(dashboard.name)
                .exec(session -> {
                    bench.memory.scenario(dashboard.name);
                    return session.set("token", bench.organiserToken);
                })
                .during(config.statsDuration()).on(
                        exec(http("GET stats, " + String.format("%,d", config.archiveTickets()) + " tickets and scans")
                                .get("/api/editions/" + bench.archiveEditionId + "/stats").header("Authorization", "Bearer #{token}")
                                .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"), status().is(200)))
                                .exec(session -> {
                                    int status = Sessions.integer(session, "status");
                                    dashboard.record("GET stats, " + String.format("%,d", config.archiveTickets()) + " tickets and scans",
                                            Sessions.integer(session, "rt"), Sessions.outcome(status, ""));
                                    if (status != 200) {
                                        dashboard.unexpected(Sessions.outcome(status, ""));
                                    }
                                    return Sessions.clear(session);
                                }));
    }

    private ScenarioBuilder check(String after, Supplier<List<Database.Verdict>> seen) {
        return scenario("invariants after " + after).exec(session -> {
            bench.memory.scenario("checks");
            bench.check(after, seen.get());
            return session;
        });
    }

    /** Tickets and persons the residents were given (201) are exactly those live in the database. */
    private List<Database.Verdict> claimed(ClaimRush rush) {
        String offers = bench.offerList(rush.offers());
        try {
            return List.of(
                    bench.db.same("tickets answered 201 = live tickets in the database", rush.tickets.sum(),
                            "select count(*) from ticket where status = 'ACTIVE' and offer_id in (" + offers + ")"),
                    bench.db.same("persons answered 201 = persons on live tickets", rush.persons.sum(),
                            "select coalesce(sum(party_size), 0) from ticket where status = 'ACTIVE' and offer_id in (" + offers + ")"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scans and admissions the devices were told about are exactly those in the database, each counted once. */
    private List<Database.Verdict> scanned() {
        try {
            return List.of(
                    bench.db.same("scans sent (distinct scan ids) = scan rows", door.scansSent.sum(),
                            "select count(*) from scan where attraction_id = ?", bench.hotAttraction),
                    bench.db.same("ADMITTED answers = ADMITTED scan rows", door.admissions.sum(),
                            "select count(*) from scan where attraction_id = ? and verdict = 'ADMITTED'", bench.hotAttraction),
                    bench.db.same("persons the devices admitted = persons admitted in the database", door.personsAdmitted.sum(),
                            "select coalesce(sum(t.persons_admitted), 0) from ticket t where t.offer_id = ?", bench.hotOffer));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        String target = config.scale().equals("smoke") ? " (smoke scale: the targets are for the full run)" : "";
        List<Summary.Section> sections = List.of(
                new Summary.Section("1. Claim rush, spread", String.format(
                        "%,d places over %d offers; %,d residents with parties of 1 to %d, %d claiming at a time, all starting within 3 s, until sold out.",
                        config.spreadPlaces(), config.spreadOffers(), config.residents(), config.maxPartySize(), config.claimUsers()),
                        spread.results, "tickets", spread.tickets.sum(), "claim-spread", "≥ 50% of pgbench, p99 ≤ 100 ms" + target,
                        "1. claim rush, spread"),
                new Summary.Section("2. Hot attraction", String.format(
                        "Every resident claims at one offer of %,d places (quota split into slices); %d claiming at a time. "
                                + "In PostgreSQL alone (pgbench), that one offer takes %,d claims/s with our 8 quota slices against %,d with one quota row.",
                        config.hotCapacity(), config.claimUsers(), bench.pgbench.getOrDefault("claim-hot-sliced", 0L),
                        bench.pgbench.getOrDefault("claim-hot", 0L)),
                        hot.results, "tickets", hot.tickets.sum(), "claim-hot", "≥ 100% of pgbench's single row" + target, "2. hot attraction"),
                new Summary.Section("3. Door rush", String.format(
                        "%d devices at the hot attraction scan its tickets (one in ten a re-scan, one in fifty resent with the same scan id); "
                                + "meanwhile a probe device admits one person every 0.1 s at another door and times the dashboard's SSE event showing it.",
                        config.devices()),
                        door.results, "scans", door.scansSent.sum(), "scan", "≥ 50% of pgbench, p99 ≤ 25 ms; scan to SSE ≤ 1 s" + target,
                        "3. door rush"),
                new Summary.Section("4. Dashboard", String.format(
                        "%d organisers reload the stats of an edition with %,d tickets and %,d scans for %d s.",
                        config.statsUsers(), config.archiveTickets(), config.archiveTickets(), config.statsDuration().toSeconds()),
                        dashboard, "requests", dashboard.requests().values().stream().mapToLong(Results.Samples::count).sum(), null,
                        "≤ 20 ms" + target, "4. dashboard"),
                new Summary.Section("5. Release storm", String.format(
                        "Tomorrow's offer of %,d places is sold out (%,d tickets) and %,d parties wait for it when a tenth of its holders "
                                + "click \"I can't come\" in their reminder mail, %d at a time (the one-click link, no login). Each release "
                                + "serves the list in its own transaction, so its response time is the release-to-ticket time: "
                                + "%,d parties got a ticket from the list, %.0f refills/s.",
                        config.hotCapacity(), storm.tickets, storm.waitingParties, config.claimUsers(), storm.refills(),
                        storm.results.seconds() == 0 ? 0 : storm.refills() / storm.results.seconds()),
                        storm.results, "releases", storm.released.sum(), null, "release-to-ticket p99 ≤ 1 s" + target, ReleaseStorm.NAME));
        String markdown = Summary.render(bench, sections, Summary.machine(machineFacts()) + String.format(
                " Before the clock: %d s of warm-up (claim, scan at another door, cancel, stats: %s cycles), so that the JVM runs compiled code.",
                config.warmUp().toSeconds(), String.format("%,d", warmUp.outcome("claim, scan, cancel, stats"))));
        Summary.write(config.outDir().resolve("summary.md"), markdown);
        System.out.println(markdown);
        if (bench.violated) {
            Summary.write(config.outDir().resolve("INVARIANTS-VIOLATED"), "see summary.md\n");
        }
        if (Results.all().stream().anyMatch(r -> !r.unexpected().isEmpty())) {
            Summary.write(config.outDir().resolve("UNEXPECTED-ANSWERS"), "see summary.md\n");
        }
    }

    private Map<String, String> machineFacts() {
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            memory = Files.readAllLines(java.nio.file.Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB").orElse("?");
        } catch (java.io.IOException e) {
            // not Linux: the summary says "?"
        }
        String postgres = "PostgreSQL";
        try {
            postgres = "PostgreSQL " + bench.db.text("show server_version");
        } catch (java.sql.SQLException e) {
            // keep the plain name
        }
        return Map.of("cpu", cpu, "memory", memory, "postgres", postgres);
    }
}
