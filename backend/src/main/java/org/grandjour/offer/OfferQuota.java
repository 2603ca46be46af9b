package org.grandjour.offer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

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
    /** After a claim: whether the party got its places, and the places left then. */
    public record Take(boolean taken, int remaining) {
    }

    /** One quota row: a slice of the offer and the places it holds. */
    public record SliceRow(int slice, int remaining) {
    }

    /**
     * The result of one take statement: whether it took the party's places, the offer's places left
     * after it, and the largest slice before it.
     */
    private record Attempt(boolean taken, int left, int largestSlice) {
        Take take() {
            return new Take(taken, left);
        }
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
        return work(c -> {
            Attempt first = attempt(c, "savepoint quota; " + FREE_SLICE, offerId, persons);
            if (first.taken() || first.left() < persons) {
                return first.take(); // the usual claim, or sold out
            }
            execute(c, "rollback to savepoint quota");
            if (first.largestSlice() >= persons) {
                // every slice with room is held by another claim for a moment: wait for one of them
                Attempt second = attempt(c, SOME_SLICE, offerId, persons);
                if (second.taken()) {
                    return second.take();
                }
                execute(c, "rollback to savepoint quota");
            }
            return takeInSliceOrder(c, offerId, persons);
        });
    }

    private static Attempt attempt(Connection c, String sql, long offerId, int persons) throws SQLException {
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
                boolean taken = r.getObject(1) != null;
                int others = r.getInt(3); // every slice when none was taken
                return new Attempt(taken, taken ? r.getInt(2) + others : others, r.getInt(4));
            }
        }
    }

    /**
     * Near sell-out, when no one slice has room for the party but the slices together may: every slice
     * locked in slice order, then the party taken from one slice, or across several.
     */
    private static Take takeInSliceOrder(Connection c, long offerId, int persons) throws SQLException {
        List<SliceRow> slices = lockAll(c, offerId);
        int total = placesIn(slices);
        if (total < persons) {
            return new Take(false, total);
        }
        slices.sort(Comparator.comparingInt(SliceRow::remaining).reversed()); // largest first: one slice when it can be
        List<SliceRow> taken = new ArrayList<>();
        int needed = persons;
        for (SliceRow s : slices) {
            if (needed == 0) {
                break;
            }
            int n = Math.min(needed, s.remaining());
            taken.add(new SliceRow(s.slice(), s.remaining() - n));
            needed -= n;
        }
        set(c, offerId, taken);
        return new Take(true, total - persons);
    }

    /**
     * Takes many parties' places at once (the ballot's winners), in the caller's transaction: every slice
     * of these offers locked in (offer, slice) order, as {@link #lockAll} does for one offer, then one
     * statement takes each offer's persons from its slices in slice order. False, with nothing taken
     * that the caller may keep, when an offer has fewer places than asked (the caller rolls back);
     * {@code CHECK (remaining >= 0)} holds whatever happens.
     */
    public boolean takeAll(java.util.Map<Long, Integer> personsByOffer) {
        if (personsByOffer.isEmpty()) {
            return true;
        }
        Long[] offers = personsByOffer.keySet().toArray(Long[]::new);
        Integer[] persons = java.util.Arrays.stream(offers).map(personsByOffer::get).toArray(Integer[]::new);
        return work(c -> {
            try (PreparedStatement lock = c.prepareStatement(
                    "select 1 from offer_quota where offer_id = any(?) order by offer_id, slice for update")) {
                lock.setArray(1, c.createArrayOf("int8", offers));
                lock.executeQuery().close();
            }
            try (PreparedStatement take = c.prepareStatement("""
                    with need as (select * from unnest(?::bigint[], ?::int[]) n(offer_id, persons)),
                    plan as (
                        select q.offer_id, q.slice,
                               greatest(0, least(q.remaining, n.persons - coalesce(sum(q.remaining) over (
                                   partition by q.offer_id order by q.slice rows between unbounded preceding and 1 preceding), 0))) take
                        from offer_quota q join need n on n.offer_id = q.offer_id),
                    taken as (
                        update offer_quota q set remaining = q.remaining - p.take from plan p
                        where q.offer_id = p.offer_id and q.slice = p.slice and p.take > 0
                        returning q.offer_id, p.take)
                    select count(*) from need n
                    where n.persons > (select coalesce(sum(t.take), 0) from taken t where t.offer_id = n.offer_id)""")) {
                take.setArray(1, c.createArrayOf("int8", offers));
                take.setArray(2, c.createArrayOf("int4", persons));
                try (ResultSet r = take.executeQuery()) {
                    r.next();
                    return r.getLong(1) == 0;
                }
            }
        });
    }

    /** Gives a cancelled party's places back, to a slice chosen by the ticket (places are all alike). */
    public void giveBack(long offerId, long ticketId, int persons) {
        em.createNativeQuery("""
                update offer_quota set remaining = remaining + ?1
                where offer_id = ?2 and slice = ?3 % (select count(*) from offer_quota where offer_id = ?2)""")
                .setParameter(1, persons).setParameter(2, offerId).setParameter(3, ticketId).executeUpdate();
    }

    /**
     * A live ticket's places given back, with the offer's row locked by the caller: first they shrink an
     * overbooking allowance that is above the model's target (the confirmations say fewer places beyond
     * capacity are safe than were handed out), the rest go back to the slices. Returns the persons given back
     * to the slices.
     */
    public int release(long offerId, long ticketId, int persons) {
        // the caller holds the offer's row lock (as every allowance change takes it): read, then write, is safe
        Object[] row = (Object[]) em.createNativeQuery("select overbooking_allowance, overbooking_target from offer where id = ?1")
                .setParameter(1, offerId).getSingleResult();
        int shrink = Math.min(persons, Math.max(0, ((Number) row[0]).intValue() - ((Number) row[1]).intValue()));
        if (shrink > 0) {
            em.createNativeQuery("update offer set overbooking_allowance = overbooking_allowance - ?1 where id = ?2")
                    .setParameter(1, shrink).setParameter(2, offerId).executeUpdate();
        }
        if (persons > shrink) {
            giveBack(offerId, ticketId, persons - shrink);
        }
        return persons - shrink;
    }

    /** The places left of an offer: the sum of its slices, as this transaction sees them. */
    public int remaining(long offerId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(remaining), 0) from offer_quota where offer_id = ?1")
                .setParameter(1, offerId).getSingleResult()).intValue();
    }

    /** Every slice of the offer, locked in slice order, as any claim that waits on several (none for an unknown offer). */
    public List<SliceRow> lockAll(long offerId) {
        return work(c -> lockAll(c, offerId));
    }

    /** How many slices an offer of this capacity gets (the schema's rule). */
    public int slicesFor(int capacity) {
        return ((Number) em.createNativeQuery("select offer_quota_slices(?1)").setParameter(1, capacity).getSingleResult()).intValue();
    }

    /** New empty slices numbered {@code from} to {@code to - 1}. */
    public void addSlices(long offerId, int from, int to) {
        em.createNativeQuery("insert into offer_quota (offer_id, slice, remaining) select ?1, s, 0 from generate_series(?2, ?3 - 1) s")
                .setParameter(1, offerId).setParameter(2, from).setParameter(3, to).executeUpdate();
    }

    /** Sets the places of some slices, already locked, in one statement. */
    public void set(long offerId, List<SliceRow> slices) {
        work(c -> {
            set(c, offerId, slices);
            return null;
        });
    }

    public static int placesIn(List<SliceRow> slices) {
        return slices.stream().mapToInt(SliceRow::remaining).sum();
    }

    private static List<SliceRow> lockAll(Connection c, long offerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select slice, remaining from offer_quota where offer_id = ? order by slice for update")) {
            s.setLong(1, offerId);
            List<SliceRow> slices = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    slices.add(new SliceRow(r.getInt(1), r.getInt(2)));
                }
            }
            return slices;
        }
    }

    private static void set(Connection c, long offerId, List<SliceRow> slices) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update offer_quota q set remaining = u.remaining
                from unnest(?::smallint[], ?::int[]) u(slice, remaining) where q.offer_id = ? and q.slice = u.slice""")) {
            s.setArray(1, c.createArrayOf("int2", slices.stream().map(x -> (short) x.slice()).toArray()));
            s.setArray(2, c.createArrayOf("int4", slices.stream().map(SliceRow::remaining).toArray()));
            s.setLong(3, offerId);
            s.executeUpdate();
        }
    }

    private <T> T work(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
