package org.grandjour.ballot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The draw: random serial dictatorship with territory shares, deterministic given the snapshot, the seed
 * and the public value (randomness from {@link DrawGenerator}). The standalone verifier
 * ({@code backend/src/verifier/DrawVerifier.java}) implements the same steps without this code; change
 * one, change the other and {@link #ALGORITHM}.
 *
 * <ol>
 * <li><b>Positions.</b> Applications in snapshot order (sorted by pseudonymous id) are shuffled by
 * Fisher–Yates: for i = n−1 down to 1, j = below(i+1), swap a[i] and a[j]. Position k (from 1) is
 * a[k−1]. Every one of the n! orders is equally likely, so is every position for every applicant.</li>
 * <li><b>Options</b> of an application: its choices in its ranking order; then, if it asked for "any other
 * offer of the same day", for each day of its choices (in the order of its choices, each day once), the
 * other offers of that day by increasing offer id.</li>
 * <li><b>Places.</b> Of each offer, territory t holds reserve_t = floor(capacity × share_t / 100); the
 * rest is open to everyone.</li>
 * <li><b>Round 1</b>, in position order: an application gets its first option where its whole party fits
 * in the open places plus the places still held for its own territory (a party is never split over
 * offers). It uses its territory's places first, then open ones.</li>
 * <li><b>Release</b>: the places held for a territory and not taken become open.</li>
 * <li><b>Round 2</b>, in the same position order, for the applications that got nothing in round 1:
 * the first option whose open places fit the whole party. Round-1 winners keep their places.</li>
 * <li><b>Waiting lists</b>: each application with no place is on the list of every offer it chose
 * (not the same-day fallback), in position order.</li>
 * </ol>
 * Honest ranking is each applicant's best strategy: when its turn comes, it gets the option it ranked
 * highest among those with room, and what it ranks cannot change what is left at its turn. The one
 * exception comes with territory shares: round-1 winners keep their places (no upgrades, so no
 * cascades), hence an applicant who wins a lower choice in round 1 gives up the released places of a
 * higher choice that a round-2 applicant may get.
 */
public final class BallotDraw {
    public static final String ALGORITHM = "grandjour-rsd-1";

    private BallotDraw() {
    }

    public static DrawResult draw(BallotSnapshot snapshot, byte[] seed, String publicValue) {
        return draw(snapshot, snapshot.hash(), seed, publicValue);
    }

    /** The same, with the snapshot's hash already known (the SHA-256 of its canonical JSON, computed when it was frozen). */
    public static DrawResult draw(BallotSnapshot snapshot, byte[] snapshotHash, byte[] seed, String publicValue) {
        DrawGenerator random = DrawGenerator.forDraw(seed, snapshotHash, publicValue);
        List<BallotSnapshot.Application> applications = snapshot.applications();
        List<BallotSnapshot.Offer> offers = snapshot.offers();
        int n = applications.size();

        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.below(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }

        Map<Long, Integer> offerIndex = new HashMap<>();
        Map<LocalDate, List<Integer>> offersByDay = new HashMap<>();
        for (int o = 0; o < offers.size(); o++) {
            offerIndex.put(offers.get(o).id(), o);
            offersByDay.computeIfAbsent(offers.get(o).day(), d -> new ArrayList<>()).add(o); // offers are by id
        }
        List<String> territories = new ArrayList<>(new TreeMap<>(snapshot.shares()).keySet());
        Map<String, Integer> territoryIndex = new HashMap<>();
        for (int t = 0; t < territories.size(); t++) {
            territoryIndex.put(territories.get(t), t);
        }
        int[] open = new int[offers.size()];
        int[][] held = new int[offers.size()][territories.size()];
        for (int o = 0; o < offers.size(); o++) {
            int capacity = offers.get(o).capacity();
            open[o] = capacity;
            for (int t = 0; t < territories.size(); t++) {
                held[o][t] = (int) ((long) capacity * snapshot.shares().get(territories.get(t)) / 100);
                open[o] -= held[o][t];
            }
        }

        int[] assigned = new int[n]; // offer index, −1 for none; indexed like applications
        int[] round = new int[n];
        int[] fromShare = new int[n];
        int[][] options = new int[n][];
        Options builder = new Options(offers, offerIndex, offersByDay);
        for (int a = 0; a < n; a++) {
            assigned[a] = -1;
            options[a] = builder.of(applications.get(a));
        }

        for (int k = 0; k < n; k++) {
            int a = order[k];
            int party = applications.get(a).party();
            Integer t = applications.get(a).territory() == null ? null : territoryIndex.get(applications.get(a).territory());
            for (int o : options[a]) {
                int own = t == null ? 0 : held[o][t];
                if (open[o] + own >= party) {
                    int share = Math.min(own, party);
                    if (t != null) {
                        held[o][t] -= share;
                    }
                    open[o] -= party - share;
                    assigned[a] = o;
                    round[a] = 1;
                    fromShare[a] = share;
                    break;
                }
            }
        }
        for (int o = 0; o < offers.size(); o++) {
            for (int t = 0; t < territories.size(); t++) {
                open[o] += held[o][t];
                held[o][t] = 0;
            }
        }
        for (int k = 0; k < n; k++) {
            int a = order[k];
            if (assigned[a] >= 0) {
                continue;
            }
            int party = applications.get(a).party();
            for (int o : options[a]) {
                if (open[o] >= party) {
                    open[o] -= party;
                    assigned[a] = o;
                    round[a] = 2;
                    break;
                }
            }
        }

        List<DrawResult.Outcome> outcomes = new ArrayList<>(n);
        List<List<String>> queues = new ArrayList<>(offers.size());
        for (int o = 0; o < offers.size(); o++) {
            queues.add(new ArrayList<>());
        }
        for (int k = 0; k < n; k++) {
            int a = order[k];
            BallotSnapshot.Application application = applications.get(a);
            Long offer = assigned[a] < 0 ? null : offers.get(assigned[a]).id();
            outcomes.add(new DrawResult.Outcome(application.id(), k + 1, offer, round[a], fromShare[a]));
            if (offer == null) {
                for (long choice : application.choices()) {
                    queues.get(offerIndex.get(choice)).add(application.id());
                }
            }
        }
        List<DrawResult.WaitingList> waitingLists = new ArrayList<>(offers.size());
        for (int o = 0; o < offers.size(); o++) {
            waitingLists.add(new DrawResult.WaitingList(offers.get(o).id(), queues.get(o)));
        }
        return new DrawResult(ALGORITHM, HexFormat.of().formatHex(snapshotHash), outcomes, waitingLists);
    }

    /** The options of an application (see the class comment), as offer indexes; reuses its buffers. */
    private static final class Options {
        private final List<BallotSnapshot.Offer> offers;
        private final Map<Long, Integer> offerIndex;
        private final Map<LocalDate, List<Integer>> offersByDay;
        private final int[] buffer;
        private final int[] listedBy; // stamp: the call that last listed each offer
        private final Map<LocalDate, Integer> dayListedBy = new HashMap<>();
        private int call;

        Options(List<BallotSnapshot.Offer> offers, Map<Long, Integer> offerIndex, Map<LocalDate, List<Integer>> offersByDay) {
            this.offers = offers;
            this.offerIndex = offerIndex;
            this.offersByDay = offersByDay;
            this.buffer = new int[offers.size()];
            this.listedBy = new int[offers.size()];
        }

        int[] of(BallotSnapshot.Application application) {
            call++;
            int count = 0;
            for (long choice : application.choices()) {
                int o = offerIndex.get(choice);
                listedBy[o] = call;
                buffer[count++] = o;
            }
            if (application.anyOtherSameDay()) {
                for (long choice : application.choices()) {
                    LocalDate day = offers.get(offerIndex.get(choice)).day();
                    Integer previous = dayListedBy.put(day, call);
                    if (previous != null && previous == call) {
                        continue; // this day's offers are listed already
                    }
                    for (int o : offersByDay.get(day)) {
                        if (listedBy[o] != call) { // already-listed choices stay at their rank
                            listedBy[o] = call;
                            buffer[count++] = o;
                        }
                    }
                }
            }
            return Arrays.copyOf(buffer, count);
        }
    }
}
