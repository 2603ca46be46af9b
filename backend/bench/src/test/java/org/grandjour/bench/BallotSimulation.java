package org.grandjour.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The ballot's two figures (issue "Ballot", "Measured"):
 * 5. the application rush: residents with real Keycloak tokens PUT their application (ranked choices,
 *    popularity skewed) as fast as the backend takes them; some resend with the same Idempotency-Key
 *    (must replay, not write twice), some change their application;
 * 6. the draw of 200,000 applications (up to 5 choices each, over 240 offers), seeded straight into
 *    the database (an application rush of that size would take the benchmark an hour to log in), then
 *    drawn through the real endpoint: its wall time, the backend's memory meanwhile, and the
 *    tickets and waiting lists it wrote checked from SQL.
 * Writes target/bench/ballot-summary.md (run.sh appends it to summary.md).
 */
public class BallotSimulation extends Simulation {
    private static final double RESEND_RATE = 0.05;
    private static final double CHANGE_RATE = 0.10;

    private final BenchConfig config = BenchConfig.fromSystemProperties();
    private final boolean smoke = config.scale().equals("smoke");
    private final int applicants = Integer.getInteger("bench.applicants", smoke ? 300 : 4_000);
    private final int rushOffers = Integer.getInteger("bench.rush-offers", 40);
    private final int drawApplications = Integer.getInteger("bench.draw-applications", smoke ? 5_000 : 200_000);
    private final int drawOffers = Integer.getInteger("bench.draw-offers", smoke ? 24 : 240);
    private final int drawPlaces = Integer.getInteger("bench.draw-places-per-offer", smoke ? 20 : 100);
    private final int applyUsers = Integer.getInteger("bench.apply-users", config.claimUsers());

    private final Database db = new Database(config.jdbcUrl());
    private final MemorySampler memory = new MemorySampler(config.backendPid());
    private final Results.Scenario rush = Results.scenario("5. application rush");
    private final Results.Scenario draw = Results.scenario("6. draw");
    private final Map<String, List<Database.Verdict>> checks = new LinkedHashMap<>();
    private final List<String> tokens = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Integer> applied = ConcurrentHashMap.newKeySet();
    private final LongAdder drawMillis = new LongAdder();
    private final LongAdder freezeMillis = new LongAdder();
    private String organiserToken;
    private long rushEdition;
    private List<Long> rushOfferIds;
    private long drawEdition;
    private long drawWinners;
    private long seededEntries;
    private double seedSeconds;

    private final HttpProtocolBuilder protocol = http.baseUrl(config.apiUrl())
            .acceptHeader("application/json").contentTypeHeader("application/json").disableWarmUp().disableCaching();

    {
        prepare();
        setUp(applications().injectOpen(rampUsers(applyUsers).during(Duration.ofSeconds(3))).andThen(
                check("5. application rush", this::rushChecks).injectOpen(atOnceUsers(1)).andThen(
                        drawScenario().injectOpen(atOnceUsers(1)).andThen(
                                check("6. draw", this::drawChecks).injectOpen(atOnceUsers(1))))))
                .protocols(protocol);
    }

    private void prepare() {
        try {
            java.nio.file.Files.createDirectories(config.outDir());
            List<Keycloak.User> users = new ArrayList<>();
            for (int i = 1; i <= applicants; i++) {
                users.add(new Keycloak.User("app-%05d".formatted(i), i % 5 == 0 ? "CT1 2EH" : "62300", "resident"));
            }
            users.add(new Keycloak.User("ballot-organiser", "62000", "organiser"));
            Keycloak keycloak = new Keycloak(config);
            keycloak.addUsers(users);
            Map<String, String> all = keycloak.tokens(users.stream().map(Keycloak.User::username).toList());
            for (int i = 1; i <= applicants; i++) {
                tokens.add(all.get("app-%05d".formatted(i)));
            }
            organiserToken = all.get("ballot-organiser");
            String api = config.apiUrl() + "/api/admin";
            Json.send("PUT", api + "/territories/FR-62", organiserToken, Map.of("nameFr", "Pas-de-Calais", "nameEn", "Pas-de-Calais",
                    "country", "FR", "language", "fr", "timeZone", "Europe/Paris", "postcodePattern", "^62[0-9]{3}$"));
            Json.send("PUT", api + "/territories/GB-KEN", organiserToken, Map.of("nameFr", "Kent", "nameEn", "Kent",
                    "country", "GB", "language", "en", "timeZone", "Europe/London", "postcodePattern", "^(CT|ME|TN|DA|BR)[0-9]{1,2} ?[0-9][A-Z]{2}$"));
            long stamp = Instant.now().getEpochSecond();
            LocalDate day = LocalDate.now(Bench.PARIS).plusDays(20);
            rushEdition = ballotEdition(api, "ballot-rush-" + stamp, "Ballot rush " + stamp, day);
            drawEdition = ballotEdition(api, "ballot-draw-" + stamp, "Ballot draw " + stamp, day);
            List<Long> attractions = new ArrayList<>();
            for (int i = 1; i <= Math.max(rushOffers, (drawOffers + 1) / 2); i++) {
                attractions.add(attraction(api, "bb" + stamp + "-" + i, "Lieu " + i));
            }
            rushOfferIds = attractions.subList(0, rushOffers).stream().map(a -> offer(api, rushEdition, a, day, 500)).toList();
            List<Long> drawOfferIds = new ArrayList<>();
            for (int i = 0; i < drawOffers; i++) { // two days, each attraction once a day
                drawOfferIds.add(offer(api, drawEdition, attractions.get(i / 2), day.plusDays(i % 2), drawPlaces));
            }
            long t0 = System.nanoTime();
            seededEntries = seedApplications(drawEdition, drawOfferIds);
            seedSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Ballot: %,d applications (%,d choices) seeded in %.0f s%n", drawApplications, seededEntries, seedSeconds);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("ballot benchmark set-up failed: " + e.getMessage(), e);
        }
        memory.start();
    }

    private long ballotEdition(String api, String slug, String name, LocalDate day) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("slug", slug);
        input.put("name", name);
        input.put("timeZone", "Europe/Paris");
        input.put("firstDay", day.toString());
        input.put("lastDay", day.plusDays(1).toString());
        input.put("claimOpensAt", now.minus(1, ChronoUnit.HOURS).toString());
        input.put("claimClosesAt", now.plus(12, ChronoUnit.HOURS).toString());
        input.put("maxTicketsPerResident", 4);
        input.put("maxPartySize", config.maxPartySize());
        input.put("territories", List.of("FR-62", "GB-KEN"));
        input.put("allocationMode", "BALLOT");
        input.put("applicationOpensAt", now.minus(1, ChronoUnit.HOURS).toString());
        input.put("applicationClosesAt", now.plus(6, ChronoUnit.HOURS).toString());
        input.put("drawAt", now.plus(6, ChronoUnit.HOURS).toString());
        input.put("maxChoices", 5);
        input.put("publicValueSource", "the benchmark's own string");
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

    /**
     * Applications straight into the database, as the PUT would write them (no mail address, so the
     * draw sends no mails): parties of 1 to 4, 1 to 5 distinct choices, one in five from Kent, a
     * quarter asking for any other offer of the same day. Popularity is skewed as in Kent 2017, where
     * four of 116 attractions (3%) drew 22% of the applications: offer k of n is picked with density
     * about (k/n)^-0.55 (inverse transform: n × u^2.2), so the first 3% of the offers get about a fifth
     * of the picks. Then the window is closed (a second ago).
     */
    private long seedApplications(long edition, List<Long> offers) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local synchronous_commit = off");
            try (PreparedStatement p = c.prepareStatement("""
                    insert into ballot_application (edition_id, holder_subject, holder_territory_id, party_size, any_other_same_day,
                                                    draw_id, holder_username, holder_name, holder_postcode, holder_language)
                    select ?, 'bench-app-' || ? || '-' || g, t.id, 1 + (g * 7919) % 4, g % 4 = 0,
                           'B' || to_char(g, 'FM0000000'), 'bench-app-' || g, 'Bench ' || g,
                           case when t.code = 'FR-62' then '62300' else 'CT1 2EH' end, case when t.code = 'FR-62' then 'fr' else 'en' end
                    from generate_series(1, ?) g join territory t on t.code = case when g % 5 = 0 then 'GB-KEN' else 'FR-62' end""")) {
                p.setLong(1, edition);
                p.setLong(2, edition);
                p.setInt(3, drawApplications);
                p.executeUpdate();
            }
            long entries;
            try (PreparedStatement p = c.prepareStatement("""
                    with picks as (
                        select a.id, a.edition_id, r,
                               (?::bigint[])[1 + least(cardinality(?::bigint[]) - 1,
                                                       floor(cardinality(?::bigint[]) * power(random(), 2.2))::int)] as o
                        from ballot_application a cross join generate_series(1, 8) r
                        where a.edition_id = ?),
                    firsts as (select id, edition_id, o, min(r) as r from picks group by id, edition_id, o),
                    ranked as (select id, edition_id, o, row_number() over (partition by id order by r) as rank,
                                      1 + (id * 31) % 5 as wanted from firsts)
                    insert into ballot_choice (application_id, edition_id, rank, offer_id)
                    select id, edition_id, rank, o from ranked where rank <= wanted""")) {
                java.sql.Array array = c.createArrayOf("int8", offers.toArray());
                p.setArray(1, array);
                p.setArray(2, array);
                p.setArray(3, array);
                p.setLong(4, edition);
                entries = p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    update edition set application_opens_at = least(application_opens_at, now() - interval '1 hour'),
                           application_closes_at = now() - interval '1 second', draw_at = now() - interval '1 second' where id = ?""")) {
                p.setLong(1, edition);
                p.executeUpdate();
            }
            c.commit();
            s.execute("analyze ballot_application");
            s.execute("analyze ballot_choice");
            return entries;
        }
    }

    // ---- 5. the application rush ----

    private ScenarioBuilder applications() {
        return scenario(rush.name)
                .exec(session -> {
                    memory.scenario(rush.name);
                    return session;
                })
                .asLongAs(session -> next.get() < tokens.size()).on(
                        exec(this::nextApplicant).asLongAs(session -> session.contains("body")).on(
                                exec(http("#{request}").put("/api/editions/" + rushEdition + "/my-application")
                                        .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{key}")
                                        .body(StringBody("#{body}"))
                                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"),
                                                jsonPath("$.type").optional().saveAs("type"), status().in(200, 201)))
                                        .exec(this::afterApply)));
    }

    private Session nextApplicant(Session session) {
        int i = next.getAndIncrement();
        if (i >= tokens.size()) {
            return session.remove("body");
        }
        return session.set("resident", i).set("token", tokens.get(i)).set("key", UUID.randomUUID().toString())
                .set("body", applicationBody()).set("request", "PUT my-application").set("step", "first");
    }

    /** 3 to 5 distinct choices, the lower offers (by list order) much more wanted. */
    private String applicationBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int wanted = 3 + random.nextInt(3);
        List<Long> choices = new ArrayList<>();
        while (choices.size() < wanted) {
            int o = (int) Math.min(rushOfferIds.size() - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * rushOfferIds.size()));
            if (!choices.contains(rushOfferIds.get(o))) {
                choices.add(rushOfferIds.get(o));
            }
        }
        return "{\"partySize\":" + (1 + random.nextInt(config.maxPartySize())) + ",\"choices\":"
                + choices.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
                + ",\"anyOtherSameDay\":" + random.nextBoolean() + "}";
    }

    private Session afterApply(Session session) {
        int status = Sessions.integer(session, "status");
        String type = Sessions.problemType(session);
        String step = session.getString("step");
        String outcome = switch (step) {
            case "resend" -> status == 200 ? "200 replayed" : Sessions.outcome(status, type);
            case "change" -> status == 200 ? "200 changed" : Sessions.outcome(status, type);
            default -> status == 201 ? "201 applied" : Sessions.outcome(status, type);
        };
        rush.record(session.getString("request"), Sessions.integer(session, "rt"), outcome);
        boolean expected = switch (step) {
            case "first" -> status == 201;
            default -> status == 200;
        };
        if (!expected) {
            rush.unexpected(step + ": " + Sessions.outcome(status, type));
            return Sessions.clear(session).remove("body");
        }
        applied.add(session.getInt("resident"));
        Session s = Sessions.clear(session);
        double roll = ThreadLocalRandom.current().nextDouble();
        if (step.equals("first") && roll < RESEND_RATE) {
            return s.set("step", "resend").set("request", "PUT my-application, resent with the same key");
        }
        if (step.equals("first") && roll < RESEND_RATE + CHANGE_RATE) {
            return s.set("step", "change").set("request", "PUT my-application, changed").set("key", UUID.randomUUID().toString())
                    .set("body", applicationBody());
        }
        return s.remove("body");
    }

    private List<Database.Verdict> rushChecks() {
        try {
            return List.of(
                    db.same("residents answered 201 = applications in the database", applied.size(),
                            "select count(*) from ballot_application where edition_id = ? and status = 'SUBMITTED'", rushEdition),
                    db.same("every application has 3 to 5 choices", 0, """
                            select count(*) from (select application_id from ballot_choice where edition_id = ?
                            group by 1 having count(*) not between 3 and 5) x""", rushEdition));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- 6. the draw ----

    private ScenarioBuilder drawScenario() {
        return scenario(draw.name).exec(session -> {
            memory.scenario(draw.name);
            String url = config.apiUrl() + "/api/admin/editions/" + drawEdition + "/draw";
            String name = "POST draw, " + String.format("%,d", drawApplications) + " applications";
            // the snapshot is frozen when the window closes (BallotFreezeJob, every 15 s), before anyone knows
            // the public value; here by the first read of the public report (the same freeze), timed apart
            long tf = System.nanoTime();
            Json.Answer frozen = Json.exchange("GET", config.apiUrl() + "/api/editions/" + drawEdition + "/draw", organiserToken, null);
            long freezeMs = (System.nanoTime() - tf) / 1_000_000;
            freezeMillis.add(freezeMs);
            draw.record("GET draw report, freezing the snapshot at close", freezeMs, frozen.status() == 200
                    ? frozen.status() + " " + frozen.json().path("stage").asText() : frozen.status() + " " + frozen.body());
            if (frozen.status() != 200 || !"CLOSED".equals(frozen.json().path("stage").asText())) {
                draw.unexpected("freeze: " + frozen.status());
            }
            long t0 = System.nanoTime();
            Json.Answer first = Json.exchange("POST", url, organiserToken, Map.of("publicValue", "bench " + drawEdition));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            drawMillis.add(ms);
            draw.record(name, ms, first.status() == 200 ? "200 drawn" : first.status() + " " + first.body());
            if (first.status() != 200) {
                draw.unexpected("draw: " + first.status());
            } else {
                drawWinners = first.json().path("figures").path("winners").asLong();
            }
            memory.scenario("checks");
            // a second draw answers 409 with the first draw's report
            long t1 = System.nanoTime();
            Json.Answer second = Json.exchange("POST", url, organiserToken, Map.of("publicValue", "another"));
            boolean same = second.status() == 409 && first.status() == 200
                    && second.json().path("draw").path("resultHash").asText().equals(first.json().path("resultHash").asText());
            draw.record("POST draw again", (System.nanoTime() - t1) / 1_000_000, same ? "409 already-drawn, first report" : second.status() + "");
            if (!same) {
                draw.unexpected("second draw: " + second.status());
            }
            return session;
        });
    }

    private List<Database.Verdict> drawChecks() {
        try {
            List<Database.Verdict> v = new ArrayList<>();
            v.add(db.same("winners reported = tickets in the database", drawWinners,
                    "select count(*) from ticket where edition_id = ? and status = 'ACTIVE'", drawEdition));
            v.add(db.same("no offer with more persons than places", 0, """
                    select count(*) from offer o where o.edition_id = ? and o.capacity <
                        (select coalesce(sum(t.party_size), 0) from ticket t where t.offer_id = o.id and t.status = 'ACTIVE')""", drawEdition));
            v.add(db.same("every application drawn (one outcome each, V27)", drawApplications,
                    "select count(*) from ballot_outcome where edition_id = ?", drawEdition));
            // the waiting lists are written when first needed (V26): the draw leaves each non-empty one pending
            v.add(db.same("no waiting-list entry written by the draw", 0,
                    "select count(*) from waitlist_entry w join offer o on o.id = w.offer_id where o.edition_id = ?", drawEdition));
            v.add(db.same("a pending waiting list for each offer that losers chose", db.number("""
                    select count(distinct c.offer_id) from ballot_choice c join ballot_outcome o on o.application_id = c.application_id
                    where o.edition_id = ? and o.won_offer_id is null""", drawEdition),
                    "select count(*) from ballot_waitlist_pending where edition_id = ?", drawEdition));
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScenarioBuilder check(String after, java.util.function.Supplier<List<Database.Verdict>> seen) {
        return scenario("invariants after " + after).exec(session -> {
            memory.scenario("checks");
            try {
                List<Database.Verdict> verdicts = new ArrayList<>(db.invariants());
                verdicts.addAll(seen.get());
                checks.put(after, verdicts);
                List<Database.Verdict> failed = verdicts.stream().filter(v -> !v.ok()).toList();
                System.out.printf("Invariants after %s: %d checked, %s%n", after, verdicts.size(), failed.isEmpty() ? "all hold"
                        : "VIOLATED: " + failed.stream().map(Database.Verdict::check).collect(Collectors.joining("; ")));
            } catch (SQLException e) {
                checks.put(after, List.of(new Database.Verdict("invariant check could not run: " + e.getMessage(), 1, 0, 0)));
            }
            return session;
        });
    }

    @Override
    public void after() {
        String target = smoke ? " (smoke scale: the target is for the full run)" : "";
        StringBuilder md = new StringBuilder();
        md.append("\n### 5. Application rush\n\n").append(String.format(
                "%,d residents (real Keycloak tokens) PUT their ballot application (3 to 5 ranked choices over %d offers, popularity skewed; "
                        + "5%% resend it with the same Idempotency-Key, 10%% change it), %d at a time, all starting within 3 s.%n%n",
                applicants, rushOffers, applyUsers));
        table(md, rush);
        long writes = rush.requests().values().stream().mapToLong(Results.Samples::count).sum();
        md.append(String.format("%n**Throughput: %,.0f applications/s** (%,d PUTs in %.1f s). Backend memory: %d MB.%n%n",
                rush.seconds() == 0 ? 0 : writes / rush.seconds(), writes, rush.seconds(), memory.maxMb(rush.name)));
        outcomes(md, rush, "5. application rush");
        md.append("\n### 6. The draw\n\n").append(String.format(
                "%,d applications (parties of 1 to 4, 1 to 5 choices, %,d choices in all, popularity skewed as in Kent 2017, one in five from Kent) "
                        + "over %d offers of %d places, seeded in the database (%.0f s), then drawn through `POST /api/admin/editions/{id}/draw`: "
                        + "random serial dictatorship on the snapshot frozen at close, %,d tickets, every application's result and its waiting lists (each written when first needed, V26), one transaction.%n%n",
                drawApplications, seededEntries, drawOffers, drawPlaces, seedSeconds, drawWinners));
        table(md, draw);
        md.append(String.format("%n**Draw: %.1f s** wall time (target ≤ 10 s%s), on the snapshot frozen at the window's close, apart:"
                        + " by BallotFreezeJob if it ran since the seeding closed the window (the backend's log, \"ballot snapshot of edition\","
                        + " gives its time), else by the GET above (%.1f s). Backend memory during the GET and the draw: **%d MB** resident (VmRSS).%n",
                drawMillis.sum() / 1000.0, target, freezeMillis.sum() / 1000.0, memory.maxMb(draw.name)));
        Map<String, Double> cpu = memory.cpuSeconds(draw.name);
        if (!cpu.isEmpty()) {
            md.append("CPU used during the draw: ").append(cpu.entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))).append(".\n\n");
        }
        outcomes(md, draw, "6. draw");
        Summary.write(config.outDir().resolve("ballot-summary.md"), md.toString());
        System.out.println(md);
        boolean violated = checks.values().stream().flatMap(List::stream).anyMatch(v -> !v.ok()) || checks.size() < 2;
        if (violated) {
            Summary.write(config.outDir().resolve("INVARIANTS-VIOLATED"), "see ballot-summary.md\n");
        }
        if (!rush.unexpected().isEmpty() || !draw.unexpected().isEmpty()) {
            Summary.write(config.outDir().resolve("UNEXPECTED-ANSWERS"), "see ballot-summary.md\n");
        }
    }

    private static void table(StringBuilder md, Results.Scenario s) {
        md.append("| request | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        s.requests().forEach((name, samples) -> md.append(String.format("| %s | %,d | %d | %d | %d | %d |%n", name, samples.count(),
                samples.percentile(50), samples.percentile(95), samples.percentile(99), samples.max())));
    }

    private void outcomes(StringBuilder md, Results.Scenario s, String checksKey) {
        md.append("Outcomes: ").append(s.outcomes().entrySet().stream().map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                .collect(Collectors.joining(", "))).append(".\n\n");
        if (!s.unexpected().isEmpty()) {
            md.append("**Unexpected answers**: ").append(s.unexpected()).append(".\n\n");
        }
        List<Database.Verdict> verdicts = checks.get(checksKey);
        if (verdicts == null) {
            md.append("Invariants: **not checked** (the scenario did not finish).\n");
        } else {
            List<Database.Verdict> failed = verdicts.stream().filter(v -> !v.ok()).toList();
            md.append("Invariants after it: ").append(failed.isEmpty() ? "all " + verdicts.size() + " hold (" + verdicts.stream()
                    .skip(verdicts.size() - (checksKey.startsWith("5") ? 2 : 5)).map(Database.Verdict::check).collect(Collectors.joining("; ")) + ")."
                    : "**VIOLATED**: " + failed.stream().map(v -> v.check() + " (expected " + v.expected() + ", found " + v.actual() + ")")
                            .collect(Collectors.joining("; ")) + ".").append('\n');
        }
    }
}
