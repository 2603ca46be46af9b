package org.grandjour.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The release storm: tomorrow's popular offer is sold out and its waiting list holds thousands of
 * parties when a tenth of its holders click "I can't come" in their reminder mail at once (the one-click
 * link, no login). Each release gives the places back and serves the list in the same transaction, so
 * the release's response time is the release-to-ticket time. The offer, its tickets, their links and the
 * waiting list are written straight into the database before the clock (as the archive is); the
 * releases go through the backend.
 */
final class ReleaseStorm {
    static final String NAME = "5. release storm";
    private static final SecureRandom RANDOM = new SecureRandom();

    final Results.Scenario results = Results.scenario(NAME);
    final LongAdder released = new LongAdder();
    final long offerId;
    final int tickets;
    final int waitingParties;
    private final Queue<String> links = new ConcurrentLinkedQueue<>();
    private final Database db;

    private ReleaseStorm(Database db, long offerId, int tickets, int waitingParties, List<String> links) {
        this.db = db;
        this.offerId = offerId;
        this.tickets = tickets;
        this.waitingParties = waitingParties;
        this.links.addAll(links);
    }

    /**
     * Tomorrow's offer of {@code capacity} places at a new attraction of the edition, sold out to parties
     * of 1 to {@code maxParty}; a release link for one ticket in ten; {@code waiting} parties on its list.
     */
    static ReleaseStorm prepare(BenchConfig config, Database db, String organiserToken, long editionId, String stamp,
                                int waiting) throws SQLException {
        String api = config.apiUrl() + "/api/admin";
        Map<String, Object> attraction = new LinkedHashMap<>();
        attraction.put("slug", "b" + stamp + "-storm");
        attraction.put("territory", "FR-62");
        attraction.put("category", "ANIMALS");
        attraction.put("nameFr", "Le parc que tout le monde veut");
        attraction.put("nameEn", "The park everybody wants");
        attraction.put("address", "1 rue du Banc d'Essai");
        attraction.put("town", "Lens");
        attraction.put("postcode", "62300");
        attraction.put("active", true);
        long attractionId = Json.send("POST", api + "/attractions", organiserToken, attraction).path("id").asLong();
        LocalDate tomorrow = LocalDate.now(Bench.PARIS).plusDays(1); // released until it opens tomorrow
        long offer = Json.send("POST", api + "/editions/" + editionId + "/offers", organiserToken,
                Map.of("attractionId", attractionId, "day", tomorrow.toString(), "capacity", config.hotCapacity())).path("id").asLong();
        long territory = db.number("select id from territory where code = 'FR-62'");
        int maxParty = config.maxPartySize();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local synchronous_commit = off");
            // parties of 1..maxParty (cycling) until the places are all taken; the last one takes what is left
            update(c, """
                    with recursive p(i, persons, taken) as (
                        select 0, 1, 1
                        union all
                        select i + 1, least(1 + (i + 1) % ?, ? - taken), taken + least(1 + (i + 1) % ?, ? - taken) from p where taken < ?)
                    insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode, holder_territory_id,
                                        party_size, created_at, holder_first_name)
                    select 'STORM-' || ? || '-' || i, ?, ?, 'storm-holder-' || ? || '-' || i, 'storm', '62300', ?, persons,
                           now() - interval '1 day', 'Storm'
                    from p""", maxParty, config.hotCapacity(), maxParty, config.hotCapacity(), config.hotCapacity(),
                    offer, offer, editionId, offer, territory);
            update(c, "update offer_quota set remaining = 0 where offer_id = ?", offer);
            update(c, """
                    insert into resident_allowance (holder_subject, edition_id, live_tickets)
                    select holder_subject, edition_id, 1 from ticket where offer_id = ?""", offer);
            update(c, """
                    insert into offer_counter (offer_id, shard, booked_tickets, booked_persons, cancelled_persons, admitted_persons)
                    select offer_id, 0, count(*), sum(party_size), 0, 0 from ticket where offer_id = ? group by 1""", offer);
            update(c, """
                    insert into offer_origin_counter (offer_id, territory_id, shard, booked_persons, admitted_persons)
                    select offer_id, holder_territory_id, 0, sum(party_size), 0 from ticket where offer_id = ? group by 1, 2""", offer);
            // the waiting list: parties of 1..maxParty in list order; no email, so the storm measures the database, not the mail server
            update(c, """
                    insert into waitlist_entry (offer_id, position, holder_subject, party_size, source, holder_username, holder_postcode,
                                                holder_territory_id, holder_first_name, holder_language)
                    select ?, g, 'storm-waiting-' || ? || '-' || g, 1 + g % ?, 'JOIN', 'storm-waiting', '62300', ?, 'Attente', 'fr'
                    from generate_series(1, ?) g""", offer, offer, maxParty, territory, waiting);
            List<Long> ids = new ArrayList<>();
            try (var r = s.executeQuery("select id from ticket where offer_id = " + offer + " order by id")) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
            Collections.shuffle(ids);
            List<String> tokens = new ArrayList<>();
            try (PreparedStatement link = c.prepareStatement("""
                    insert into ticket_link (token_hash, ticket_id, action, expires_at)
                    values (?, ?, 'RELEASE', (?::date + time '10:00') at time zone 'Europe/Paris')""")) {
                for (long ticket : ids.subList(0, Math.max(1, ids.size() / 10))) {
                    String token = token();
                    link.setBytes(1, sha256(token));
                    link.setLong(2, ticket);
                    link.setString(3, tomorrow.toString());
                    link.addBatch();
                    tokens.add(token);
                }
                link.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze ticket, waitlist_entry, ticket_link");
            return new ReleaseStorm(db, offer, ids.size(), waiting, tokens);
        }
    }

    /** Each user takes the next link and clicks it, until none is left. */
    ScenarioBuilder releases(MemorySampler memory) {
        ChainBuilder release = exec(http("release by the mail's link").post("/api/ticket-links/#{link}")
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"), status().in(200, 409, 410)))
                .exec(this::afterRelease);
        return scenario(NAME)
                .exec(session -> {
                    memory.scenario(NAME);
                    return next(session);
                })
                .asLongAs(session -> session.contains("link")).on(release);
    }

    private Session next(Session session) {
        String link = links.poll();
        return link == null ? session.remove("link") : session.set("link", link);
    }

    private Session afterRelease(Session session) {
        int status = Sessions.integer(session, "status");
        results.record("release by the mail's link (the refill in the same transaction)", Sessions.integer(session, "rt"),
                status == 200 ? "200 released, list served" : Sessions.outcome(status, Sessions.problemType(session)));
        if (status == 200) {
            released.increment();
        } else {
            results.unexpected(Sessions.outcome(status, Sessions.problemType(session)));
        }
        return next(Sessions.clear(session));
    }

    /** Every place released went to the list (it is longer than the places freed), each entry served once. */
    List<Database.Verdict> checks() {
        try {
            return List.of(
                    db.same("links answered 200 = tickets released", released.sum(),
                            "select count(*) from ticket where offer_id = ? and status = 'CANCELLED'", offerId),
                    db.same("places freed and not refilled (the list is long enough)", 0,
                            "select coalesce(sum(remaining), 0) from offer_quota where offer_id = ?", offerId),
                    db.same("entries served = their tickets, each once", db.number(
                                    "select count(*) from waitlist_entry where offer_id = ? and status = 'SERVED'", offerId),
                            "select count(distinct w.ticket_id) from waitlist_entry w join ticket t on t.id = w.ticket_id "
                                    + "where w.offer_id = ? and t.status = 'ACTIVE' and t.party_size = w.party_size", offerId),
                    db.same("entries served = list prefix skipping only parties that did not fit", 0, """
                            select count(*) from waitlist_entry w where w.offer_id = ? and w.status = 'WAITING'
                              and w.position < (select max(position) from waitlist_entry where offer_id = w.offer_id and status = 'SERVED')
                              and w.party_size = 1""", offerId));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long refills() {
        try {
            return db.number("select count(*) from waitlist_entry where offer_id = ? and status = 'SERVED'", offerId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            return p.executeUpdate();
        }
    }
}
