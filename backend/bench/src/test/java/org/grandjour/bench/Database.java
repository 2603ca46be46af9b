package org.grandjour.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own look at the database: the archive that puts a million tickets and scans
 * behind the dashboard, and the invariants checked after every scenario. Everything here reads or
 * writes rows directly, never through the backend, so that the check does not trust what it checks.
 */
final class Database {
    /** An offer's places left, the sum of its quota slices (see V6__quota_slices.sql). */
    static final String REMAINING = "(select coalesce(sum(q.remaining), 0) from offer_quota q where q.offer_id = o.id)";
    /** Marks an offer's places all taken (the archive is seeded as sold out). */
    static final String SELL_OUT = "update offer_quota set remaining = 0 where offer_id in (select id from offer where edition_id = ?)";
    /** Any quota row below zero. */
    static final String QUOTA_BELOW_ZERO = "select count(*) from offer_quota where remaining < 0";

    record Verdict(String check, long violations, long expected, long actual) {
        boolean ok() {
            return violations == 0;
        }
    }

    private final String url;

    Database(String url) {
        this.url = url;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * A past edition's worth of rows: one-person tickets spread over the edition's offers (which sell
     * out), 70% of them admitted, and as many scans as tickets (the rest are re-scans refused as
     * already used); its live counters are recounted from those rows, as V4 recounts.
     */
    void seedArchive(long editionId, long territoryId, int tickets) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local synchronous_commit = off");
            update(c, """
                    with o as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n from offer where edition_id = ?)
                    insert into ticket (code, offer_id, edition_id, holder_subject, holder_username, holder_postcode,
                                        holder_territory_id, party_size, persons_admitted, created_at, holder_first_name)
                    select 'ARCHIVE-' || ? || '-' || g, o.id, ?, 'archive-' || ? || '-' || g, 'archive', '62300', ?, 1,
                           case when g % 10 < 7 then 1 else 0 end, now() - interval '1 day', 'Archive'
                    from generate_series(0, ? - 1) g join o on o.i = g % o.n""",
                    editionId, editionId, editionId, editionId, territoryId, tickets);
            String scans = """
                    insert into scan (scan_uid, ticket_id, attraction_id, device_id, staff_username, verdict, persons_admitted,
                                      persons_before, scanned_at, received_at)
                    select gen_random_uuid(), t.id, o.attraction_id, 'archive-door', 'archive', ?, ?, ?, x.at, x.at
                    from ticket t join offer o on o.id = t.offer_id
                    cross join lateral (select (o.day + time '10:00') at time zone 'Europe/Paris' + (t.id % 28800) * interval '1 second' + ? * interval '1 minute' as at) x
                    where t.edition_id = ? and t.persons_admitted = 1""";
            update(c, scans, "ADMITTED", 1, 0, 0, editionId);
            // re-scans of admitted tickets, refused, until there are as many scans as tickets
            update(c, scans + " and t.id % 7 < 3", "ALREADY_USED", 0, 1, 5, editionId);
            update(c, SELL_OUT, editionId);
            update(c, """
                    insert into resident_allowance (holder_subject, edition_id, live_tickets)
                    select holder_subject, edition_id, count(*) from ticket where edition_id = ? group by 1, 2""", editionId);
            update(c, """
                    insert into offer_counter (offer_id, shard, booked_tickets, booked_persons, cancelled_persons, admitted_persons)
                    select offer_id, 0, count(*), sum(party_size), 0, sum(persons_admitted) from ticket where edition_id = ? group by 1""",
                    editionId);
            update(c, """
                    insert into offer_origin_counter (offer_id, territory_id, shard, booked_persons, admitted_persons)
                    select offer_id, holder_territory_id, 0, sum(party_size), sum(persons_admitted) from ticket where edition_id = ?
                    group by 1, 2""", editionId);
            update(c, """
                    insert into arrival_counter (attraction_id, slot_start, shard, persons)
                    select s.attraction_id, to_timestamp(floor(extract(epoch from s.scanned_at) / 900) * 900), 0, sum(s.persons_admitted)
                    from scan s join ticket t on t.id = s.ticket_id where t.edition_id = ? and s.verdict = 'ADMITTED' group by 1, 2""",
                    editionId);
            update(c, """
                    insert into verdict_counter (attraction_id, day, verdict, shard, scans, conflicts)
                    select s.attraction_id, (s.scanned_at at time zone 'Europe/Paris')::date, s.verdict, 0, count(*), 0
                    from scan s join ticket t on t.id = s.ticket_id where t.edition_id = ? group by 1, 2, 3""", editionId);
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }

    long number(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    String text(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    /** The invariants that must hold after any scenario, each a count of offending rows. */
    List<Verdict> invariants() throws SQLException {
        List<Verdict> verdicts = new ArrayList<>();
        violations(verdicts, "no offer below zero places", QUOTA_BELOW_ZERO);
        violations(verdicts, "persons on live tickets + remaining = capacity, every offer", """
                select count(*) from offer o
                left join (select offer_id, sum(party_size) as persons from ticket where status = 'ACTIVE' group by 1) t on t.offer_id = o.id
                where coalesce(t.persons, 0) + %s <> o.capacity""".formatted(REMAINING));
        violations(verdicts, "admitted <= party size, every ticket",
                "select count(*) from ticket where persons_admitted > party_size or persons_admitted < 0");
        violations(verdicts, "admitted = persons of its ADMITTED scans, every ticket", """
                select count(*) from ticket t
                left join (select ticket_id, sum(persons_admitted) as persons from scan where verdict = 'ADMITTED' group by 1) s on s.ticket_id = t.id
                where t.persons_admitted <> coalesce(s.persons, 0)""");
        violations(verdicts, "at most one live ticket per resident and offer", """
                select count(*) from (select 1 from ticket where status = 'ACTIVE' group by holder_subject, offer_id having count(*) > 1) x""");
        violations(verdicts, "resident allowances = live tickets", """
                select count(*) from resident_allowance a
                full join (select holder_subject, edition_id, count(*) as n from ticket where status = 'ACTIVE' group by 1, 2) t
                  using (holder_subject, edition_id)
                where coalesce(a.live_tickets, 0) <> coalesce(t.n, 0)""");
        violations(verdicts, "offer counters = recount", """
                select count(*) from offer o
                left join (select offer_id, sum(booked_tickets) as bt, sum(booked_persons) as bp, sum(cancelled_persons) as cp,
                                  sum(admitted_persons) as ap from offer_counter group by 1) c on c.offer_id = o.id
                left join (select offer_id, count(*) filter (where status = 'ACTIVE') as bt,
                                  sum(party_size) filter (where status = 'ACTIVE') as bp,
                                  sum(party_size) filter (where status = 'CANCELLED') as cp, sum(persons_admitted) as ap
                           from ticket group by 1) t on t.offer_id = o.id
                where (coalesce(c.bt, 0), coalesce(c.bp, 0), coalesce(c.cp, 0), coalesce(c.ap, 0))
                   <> (coalesce(t.bt, 0), coalesce(t.bp, 0), coalesce(t.cp, 0), coalesce(t.ap, 0))""");
        violations(verdicts, "origin counters = recount", """
                select count(*) from
                (select offer_id, territory_id, sum(booked_persons) as bp, sum(admitted_persons) as ap from offer_origin_counter group by 1, 2) c
                full join (select offer_id, holder_territory_id as territory_id, coalesce(sum(party_size) filter (where status = 'ACTIVE'), 0) as bp,
                                  sum(persons_admitted) as ap
                           from ticket where holder_territory_id is not null group by 1, 2) t using (offer_id, territory_id)
                where (coalesce(c.bp, 0), coalesce(c.ap, 0)) <> (coalesce(t.bp, 0), coalesce(t.ap, 0))""");
        violations(verdicts, "verdict counters = recount", """
                select count(*) from
                (select attraction_id, day, verdict, sum(scans) as n, sum(conflicts) as k from verdict_counter group by 1, 2, 3) c
                full join (select attraction_id, (scanned_at at time zone 'Europe/Paris')::date as day, verdict, count(*) as n,
                                  count(*) filter (where conflict) as k from scan group by 1, 2, 3) s using (attraction_id, day, verdict)
                where (coalesce(c.n, 0), coalesce(c.k, 0)) <> (coalesce(s.n, 0), coalesce(s.k, 0))""");
        violations(verdicts, "arrival counters = recount", """
                select count(*) from
                (select attraction_id, slot_start, sum(persons) as n from arrival_counter group by 1, 2) c
                full join (select attraction_id, to_timestamp(floor(extract(epoch from scanned_at) / 900) * 900) as slot_start,
                                  sum(persons_admitted) as n from scan where verdict = 'ADMITTED' group by 1, 2) s using (attraction_id, slot_start)
                where coalesce(c.n, 0) <> coalesce(s.n, 0)""");
        return verdicts;
    }

    /** What the load generator was told must be what the database holds (no lost or doubled claim or admission). */
    Verdict same(String check, long expected, String sql, Object... params) throws SQLException {
        long actual = number(sql, params);
        return new Verdict(check, actual == expected ? 0 : Math.abs(actual - expected), expected, actual);
    }

    private void violations(List<Verdict> into, String check, String sql) throws SQLException {
        long n = number(sql);
        into.add(new Verdict(check, n, 0, n));
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            return p.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
        return p;
    }
}
