package org.grandjour.offer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * An offer's free places, split over a few rows (slices, table offer_quota) so that concurrent claims
 * on one popular offer do not all queue on one row lock. A claim takes its whole party from one slice;
 * {@code CHECK (remaining >= 0)} makes overselling impossible whatever happens here.
 * <p>
 * Locking, so that nothing can deadlock: the usual claim locks one free slice without waiting (SKIP
 * LOCKED). Whatever waits on slices holds at most one slice while it waits, or locks every slice of
 * the offer in slice order. A failed attempt may leave a slice locked (PostgreSQL keeps the lock on a
 * row that no longer matched once locked), so each claim first sets a savepoint, sent with its first
 * statement, and rolls back to it before it waits.
 */
@ApplicationScoped
public class OfferQuota {
    /** The places an offer still has, for SQL readers. */
    public static final String REMAINING_SQL = "(select coalesce(sum(q.remaining), 0) from offer_quota q where q.offer_id = %s)";

    /** After a claim: whether the party got its places, and the places left then. */
    public record Take(boolean taken, int remaining) {
    }

    /** After a capacity change: refused when it would go below the persons booked. */
    public record CapacityChange(boolean changed, int booked) {
    }

    /*
     * The slice is picked once, in a MATERIALIZED CTE: as a subquery in the UPDATE's FROM, the planner
     * may rescan it for every slice row (a nested loop), and each rescan picks another random slice, so
     * one claim could take its party from several slices (found by the load benchmark's invariants).
     */
    private static final String TAKE = """
            with pick as materialized (%s),
            taken as (
                update offer_quota q set remaining = q.remaining - ?
                from pick
                where q.offer_id = ? and q.slice = pick.slice and q.remaining >= ?
                returning q.slice, q.remaining)
            select t.slice, t.remaining,
                   coalesce(sum(q.remaining) filter (where q.slice is distinct from t.slice), 0),
                   coalesce(max(q.remaining), 0)
            from offer_quota q left join taken t on true where q.offer_id = ? group by t.slice, t.remaining""";
    /** Any slice with room that nobody holds, starting anywhere so that claims spread. */
    private static final String FREE_SLICE = TAKE.formatted(
            "select slice from offer_quota where offer_id = ? and remaining >= ? order by random() limit 1 for update skip locked");
    /** Any slice with room, waiting for it: the UPDATE waits on that one row only. */
    private static final String SOME_SLICE = TAKE.formatted(
            "select slice from offer_quota where offer_id = ? and remaining >= ? order by random() limit 1");

    @Inject
    EntityManager em;

    /** Takes places for a party of {@code persons}, in the caller's transaction. */
    public Take take(long offerId, int persons) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            int[] first = takeFrom(c, "savepoint quota; " + FREE_SLICE, offerId, persons);
            if (first[0] >= 0 || first[2] < persons) {
                return new Take(first[0] >= 0, first[1]); // the usual claim, or sold out
            }
            execute(c, "rollback to savepoint quota");
            if (first[3] >= persons) {
                // every slice with room is held by another claim for a moment: wait for one of them
                int[] second = takeFrom(c, SOME_SLICE, offerId, persons);
                if (second[0] >= 0) {
                    return new Take(true, second[1]);
                }
                execute(c, "rollback to savepoint quota");
            }
            return takeInSliceOrder(c, offerId, persons);
        });
    }

    /** {slice taken or -1, places left, places left before when not taken, largest slice before}. */
    private static int[] takeFrom(Connection c, String sql, long offerId, int persons) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, offerId); // pick
            s.setInt(2, persons);
            s.setInt(3, persons); // taken
            s.setLong(4, offerId);
            s.setInt(5, persons);
            s.setLong(6, offerId); // places left
            boolean rows = s.execute();
            while (!rows) { // the savepoint's result comes first
                if (!s.getMoreResults() && s.getUpdateCount() == -1) {
                    throw new IllegalStateException("no result from the quota statement");
                }
                rows = s.getResultSet() != null;
            }
            try (ResultSet r = s.getResultSet()) {
                if (!r.next()) {
                    throw new IllegalStateException("offer " + offerId + " has no quota");
                }
                int slice = r.getObject(1) == null ? -1 : r.getInt(1);
                int others = r.getInt(3);
                int left = slice >= 0 ? r.getInt(2) + others : others;
                return new int[] {slice, left, others, r.getInt(4)};
            }
        }
    }

    /**
     * Near sell-out, when no one slice has room for the party but the slices together may: every slice
     * locked in slice order, then the party taken from one slice, or across several.
     */
    private static Take takeInSliceOrder(Connection c, long offerId, int persons) throws SQLException {
        List<int[]> slices = lockAll(c, offerId);
        int total = slices.stream().mapToInt(s -> s[1]).sum();
        if (total < persons) {
            return new Take(false, total);
        }
        slices.sort((a, b) -> Integer.compare(b[1], a[1])); // largest first: one slice when it can be
        List<int[]> taken = new ArrayList<>();
        int needed = persons;
        for (int[] s : slices) {
            if (needed == 0) {
                break;
            }
            int n = Math.min(needed, s[1]);
            taken.add(new int[] {s[0], s[1] - n});
            needed -= n;
        }
        set(c, offerId, taken);
        return new Take(true, total - persons);
    }

    /** Gives a cancelled party's places back, to a slice chosen by the ticket (places are all alike). */
    public void giveBack(long offerId, long ticketId, int persons) {
        em.createNativeQuery("""
                update offer_quota set remaining = remaining + ?1
                where offer_id = ?2 and slice = ?3 % (select count(*) from offer_quota where offer_id = ?2)""")
                .setParameter(1, persons).setParameter(2, offerId).setParameter(3, ticketId).executeUpdate();
    }

    /**
     * New capacity, never below the persons booked: with every slice locked (in slice order, as any
     * claim that waits), the places left are spread anew over as many slices as the capacity calls for.
     */
    public CapacityChange changeCapacity(long offerId, int capacity) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<int[]> slices = lockAll(c, offerId);
            int left = slices.stream().mapToInt(s -> s[1]).sum();
            int before;
            int wanted;
            try (PreparedStatement s = c.prepareStatement("select capacity, offer_quota_slices(?) from offer where id = ?")) {
                s.setInt(1, capacity);
                s.setLong(2, offerId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    before = r.getInt(1);
                    wanted = r.getInt(2);
                }
            }
            int booked = before - left;
            if (capacity < booked) {
                return new CapacityChange(false, booked);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into offer_quota (offer_id, slice, remaining) select ?, s, 0 from generate_series(?, ? - 1) s""")) {
                s.setLong(1, offerId);
                s.setInt(2, slices.size());
                s.setInt(3, wanted);
                s.executeUpdate();
            }
            int count = Math.max(slices.size(), wanted); // slices are never removed: claims may be using them
            int places = capacity - booked;
            List<int[]> spread = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                spread.add(new int[] {i, places / count + (i < places % count ? 1 : 0)});
            }
            set(c, offerId, spread);
            try (PreparedStatement s = c.prepareStatement("update offer set capacity = ? where id = ?")) {
                s.setInt(1, capacity);
                s.setLong(2, offerId);
                s.executeUpdate();
            }
            return new CapacityChange(true, booked);
        });
    }

    /** {slice, remaining} of every slice of the offer, locked in slice order. */
    private static List<int[]> lockAll(Connection c, long offerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select slice, remaining from offer_quota where offer_id = ? order by slice for update")) {
            s.setLong(1, offerId);
            List<int[]> slices = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    slices.add(new int[] {r.getInt(1), r.getInt(2)});
                }
            }
            return slices;
        }
    }

    /** Sets the places of some slices, already locked, in one statement. */
    private static void set(Connection c, long offerId, List<int[]> slices) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update offer_quota q set remaining = u.remaining
                from unnest(?::smallint[], ?::int[]) u(slice, remaining) where q.offer_id = ? and q.slice = u.slice""")) {
            s.setArray(1, c.createArrayOf("int2", slices.stream().map(x -> (short) x[0]).toArray()));
            s.setArray(2, c.createArrayOf("int4", slices.stream().map(x -> x[1]).toArray()));
            s.setLong(3, offerId);
            s.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
