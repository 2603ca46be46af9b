package org.grandjour.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.grandjour.overbooking.OverbookingModel;

/**
 * The 2010 weekend again, with what Grand Jour now has: the same offers and the same residents' demand
 * (more than the places: the first ones fill them, the others are turned away, or now wait), the same
 * behaviour at the door (a party comes or stays away whole, {@link Simulation2010#SHOW_UP} of them come),
 * once as it was, once with waiting lists, reminders (a share of the parties that will not come release
 * their places when asked, {@code releaseShare}), and overbooking at a chosen risk, its allowance computed
 * by {@link OverbookingModel} from the show rate the confirmations reveal (those who would release have).
 * Counted per offer and day: entries used (persons in, at most the capacity) and overflow days (more
 * persons at the door than the capacity: some are turned away). Seeded: the same figures every run.
 */
public final class Counterfactual2010 {
    /** Party sizes of the 2010 replay (index = persons): as {@link Simulation2010}'s partySize. */
    static final double[] PARTY_SIZES = {0, 0.20, 0.40, 0.20, 0.15, 0.025, 0.025};

    /** What one variant of the weekend gave. */
    public record Outcome(long offered, long used, long released, long refilled, long overbooked, int offerDays, int overflowDays) {
        public double usedShare() {
            return offered == 0 ? 0 : (double) used / offered;
        }

        public double overflowRate() {
            return offerDays == 0 ? 0 : (double) overflowDays / offerDays;
        }
    }

    /** Both variants over the same demand and the same door behaviour. */
    public record Comparison(double releaseShare, double risk, Outcome asItWas, Outcome withGrandJour) {
    }

    private Counterfactual2010() {
    }

    /**
     * @param capacities   the offers' places (one per offer and day)
     * @param demandFactor the persons asking, as a multiple of the places (2010: demand exceeded supply)
     * @param releaseShare the share of parties that will not come who release when reminded
     * @param risk         the overbooking risk per offer and day (0: none)
     * @param weekends     how many weekends to replay (each with its own draws), to smooth the figures
     */
    public static Comparison run(List<Integer> capacities, double demandFactor, double releaseShare, double risk, int weekends, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double showRate = Simulation2010.SHOW_UP;
        // what the confirmations reveal: among the parties still holding after the reminders, more come
        double holdersShowRate = showRate / (showRate + (1 - showRate) * (1 - releaseShare));
        Tally before = new Tally();
        Tally after = new Tally();
        List<Integer> allowances = new ArrayList<>();
        for (int capacity : capacities) {
            allowances.add(risk <= 0 || capacity == 0 ? 0
                    : OverbookingModel.allowance(capacity, risk, holdersShowRate, 0, PARTY_SIZES, capacity).extra());
        }
        for (int w = 0; w < weekends; w++) {
            for (int i = 0; i < capacities.size(); i++) {
                int capacity = capacities.get(i);
                if (capacity == 0) {
                    continue;
                }
                SplittableRandom day = random.split();
                List<Party> demand = demand(day, (int) Math.ceil(capacity * demandFactor) + allowances.get(i));
                before.add(capacity, asItWas(capacity, demand));
                after.add(capacity, withGrandJour(capacity, allowances.get(i), demand, releaseShare));
            }
        }
        return new Comparison(releaseShare, risk, before.outcome(), after.outcome());
    }

    /** A party asking for places, and what it will do: come, release when asked, or stay away silently. */
    private record Party(int persons, double fate) {
    }

    private static List<Party> demand(SplittableRandom random, int persons) {
        List<Party> parties = new ArrayList<>();
        int asked = 0;
        while (asked < persons) {
            int size = size(random);
            parties.add(new Party(size, random.nextDouble()));
            asked += size;
        }
        return parties;
    }

    private static int size(SplittableRandom random) {
        double r = random.nextDouble();
        for (int s = 1; s < PARTY_SIZES.length; s++) {
            r -= PARTY_SIZES[s];
            if (r < 0) {
                return s;
            }
        }
        return PARTY_SIZES.length - 1;
    }

    private record Day(long used, long released, long refilled, long overbooked, boolean overflow) {
    }

    /** 2010: the first parties take the places (the last one what is left), 70% come, the rest of the demand is turned away. */
    private static Day asItWas(int capacity, List<Party> demand) {
        int left = capacity;
        long arrivals = 0;
        for (Party p : demand) {
            if (left == 0) {
                break;
            }
            int persons = Math.min(p.persons(), left);
            left -= persons;
            if (comes(p)) {
                arrivals += persons;
            }
        }
        return new Day(Math.min(arrivals, capacity), 0, 0, 0, arrivals > capacity);
    }

    /**
     * Now: the first parties take capacity + allowance, the others wait in order; a party that will not come
     * releases when asked with the given share, and each release serves the first waiting parties that fit
     * (as the refill does), who come or not like anyone.
     */
    private static Day withGrandJour(int capacity, int allowance, List<Party> demand, double releaseShare) {
        int places = capacity + allowance;
        int next = 0;
        List<Party> holders = new ArrayList<>();
        while (next < demand.size() && places > 0) {
            Party p = demand.get(next++);
            int persons = Math.min(p.persons(), places);
            places -= persons;
            holders.add(new Party(persons, p.fate()));
        }
        List<Party> waiting = new ArrayList<>(demand.subList(next, demand.size()));
        long released = 0;
        long refilled = 0;
        long arrivals = 0;
        for (int h = 0; h < holders.size(); h++) { // holders served from the list join the end: they are reminded too
            Party p = holders.get(h);
            if (comes(p)) {
                arrivals += p.persons();
            } else if (releases(p, releaseShare)) {
                released += p.persons();
                int free = p.persons();
                for (var it = waiting.iterator(); it.hasNext() && free > 0; ) {
                    Party w = it.next();
                    if (w.persons() <= free) {
                        it.remove();
                        free -= w.persons();
                        refilled += w.persons();
                        holders.add(w);
                    }
                }
            }
        }
        return new Day(Math.min(arrivals, capacity), released, refilled, allowance, arrivals > capacity);
    }

    private static boolean comes(Party p) {
        return p.fate() < Simulation2010.SHOW_UP;
    }

    /** Among those who will not come, the first {@code share} of them (by their fate) release when asked. */
    private static boolean releases(Party p, double share) {
        return p.fate() < Simulation2010.SHOW_UP + (1 - Simulation2010.SHOW_UP) * share;
    }

    private static final class Tally {
        long offered;
        long used;
        long released;
        long refilled;
        long overbooked;
        int days;
        int overflows;

        void add(int capacity, Day d) {
            offered += capacity;
            used += d.used();
            released += d.released();
            refilled += d.refilled();
            overbooked += d.overbooked();
            days++;
            overflows += d.overflow() ? 1 : 0;
        }

        Outcome outcome() {
            return new Outcome(offered, used, released, refilled, overbooked, days, overflows);
        }
    }
}
