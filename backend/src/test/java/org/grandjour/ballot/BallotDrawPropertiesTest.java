package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of the draw over random instances, checked by replaying the published result in position
 * order against the rules rather than by re-running the draw: at each applicant's turn, the offer it got
 * had room for its whole party within the places it could use (territory shares honoured, capacity never
 * exceeded), and none of the options it ranked higher had room (so no higher choice was left to someone
 * drawn later); losers had room nowhere; waiting lists hold exactly the losers, in position order.
 */
class BallotDrawPropertiesTest {

    @Test
    void everyRandomInstanceFollowsTheRules() {
        for (long instance = 1; instance <= 400; instance++) {
            BallotSnapshot snapshot = BallotInstances.random(instance, 60);
            DrawResult result = BallotDraw.draw(snapshot, BallotInstances.seed("properties-" + instance), "lotto " + instance);
            replay(snapshot, result);
        }
    }

    @Test
    void heldPlacesGoFirstToTheirTerritoryThenToEveryone() {
        // 10 places, 50% held for FR-62: its 2 applicants always get in, whatever their positions, and the
        // 3 held places they leave go to the others in round 2, so all 10 places are used.
        List<BallotSnapshot.Application> applications = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            applications.add(new BallotSnapshot.Application("X" + a, 1, List.of(1L), a < 2 ? "FR-62" : "FR-59", false));
        }
        BallotSnapshot snapshot = new BallotSnapshot(1, List.of(new BallotSnapshot.Offer(1, 10, LocalDate.of(2027, 6, 5))),
                Map.of("FR-62", 50), applications);
        for (int s = 0; s < 50; s++) {
            DrawResult result = BallotDraw.draw(snapshot, BallotInstances.seed("shares-" + s), "");
            replay(snapshot, result);
            assertThat(result.outcomes()).filteredOn(o -> o.id().equals("X0") || o.id().equals("X1"))
                    .allSatisfy(o -> {
                        assertThat(o.offer()).isEqualTo(1L);
                        assertThat(o.round()).isEqualTo(1);
                        assertThat(o.fromShare()).isEqualTo(1);
                    });
            assertThat(result.outcomes()).filteredOn(o -> o.offer() != null).hasSize(10);
            assertThat(result.outcomes()).filteredOn(o -> o.round() == 2).hasSize(3);
        }
    }

    @Test
    void theFallbackOnlyOffersTheSameDayAndNeverSplitsAParty() {
        LocalDate saturday = LocalDate.of(2027, 6, 5);
        List<BallotSnapshot.Offer> offers = List.of(new BallotSnapshot.Offer(1, 2, saturday),
                new BallotSnapshot.Offer(2, 1, saturday), new BallotSnapshot.Offer(3, 4, saturday),
                new BallotSnapshot.Offer(4, 9, saturday.plusDays(1)));
        List<BallotSnapshot.Application> applications = List.of(
                new BallotSnapshot.Application("A", 2, List.of(1L), null, false),
                new BallotSnapshot.Application("B", 3, List.of(1L), null, true));
        for (int s = 0; s < 20; s++) {
            DrawResult result = BallotDraw.draw(new BallotSnapshot(1, offers, Map.of(), applications),
                    BallotInstances.seed("fallback-" + s), "");
            Map<String, DrawResult.Outcome> byId = new HashMap<>();
            result.outcomes().forEach(o -> byId.put(o.id(), o));
            // B's party of 3 never fits offer 1 (2 places) nor 2 (1 place), and offer 4 is another day
            assertThat(byId.get("B").offer()).isEqualTo(3L);
            assertThat(byId.get("A").offer()).isEqualTo(1L);
        }
    }

    /** The same seed and snapshot give the same result hash; another seed or public value another one. */
    @Test
    void theHashDependsOnSeedSnapshotAndPublicValueOnly() {
        BallotSnapshot snapshot = BallotInstances.random(77, 200);
        while (snapshot.applications().size() < 50) {
            snapshot = BallotInstances.random(snapshot.applications().size() + 1000L, 200);
        }
        String first = BallotDraw.draw(snapshot, BallotInstances.seed("a"), "v").hash();
        assertThat(BallotDraw.draw(snapshot, BallotInstances.seed("a"), "v").hash()).isEqualTo(first);
        assertThat(BallotDraw.draw(snapshot, BallotInstances.seed("b"), "v").hash()).isNotEqualTo(first);
        assertThat(BallotDraw.draw(snapshot, BallotInstances.seed("a"), "w").hash()).isNotEqualTo(first);
        List<BallotSnapshot.Application> fewer = snapshot.applications().subList(1, snapshot.applications().size());
        BallotSnapshot edited = new BallotSnapshot(snapshot.edition(), snapshot.offers(), snapshot.shares(), fewer);
        assertThat(BallotDraw.draw(edited, BallotInstances.seed("a"), "v").hash()).isNotEqualTo(first);
    }

    /** The order in which applications reach the snapshot (time of application) has no effect. */
    @Test
    void theOrderOfApplicationsHasNoEffect() {
        for (long instance = 1; instance <= 30; instance++) {
            BallotSnapshot snapshot = BallotInstances.random(instance, 80);
            List<BallotSnapshot.Application> shuffled = new ArrayList<>(snapshot.applications());
            Collections.shuffle(shuffled, new Random(instance));
            BallotSnapshot again = new BallotSnapshot(1, snapshot.offers(), snapshot.shares(), shuffled);
            List<BallotSnapshot.Application> reversed = new ArrayList<>(snapshot.applications());
            Collections.reverse(reversed);
            BallotSnapshot backwards = new BallotSnapshot(1, snapshot.offers(), snapshot.shares(), reversed);
            byte[] seed = BallotInstances.seed("order-" + instance);
            assertThat(again.canonicalJson()).isEqualTo(snapshot.canonicalJson());
            String hash = BallotDraw.draw(snapshot, seed, "x").hash();
            assertThat(BallotDraw.draw(again, seed, "x").hash()).isEqualTo(hash);
            assertThat(BallotDraw.draw(backwards, seed, "x").hash()).isEqualTo(hash);
        }
    }

    static void replay(BallotSnapshot snapshot, DrawResult result) {
        List<BallotSnapshot.Offer> offers = snapshot.offers();
        Map<Long, BallotSnapshot.Offer> offerById = new HashMap<>();
        offers.forEach(o -> offerById.put(o.id(), o));
        Map<String, BallotSnapshot.Application> applicationById = new HashMap<>();
        snapshot.applications().forEach(a -> applicationById.put(a.id(), a));

        assertThat(result.snapshotHash()).isEqualTo(java.util.HexFormat.of().formatHex(snapshot.hash()));
        assertThat(result.outcomes()).hasSize(snapshot.applications().size());
        assertThat(new HashSet<>(result.outcomes().stream().map(DrawResult.Outcome::id).toList()))
                .isEqualTo(applicationById.keySet());
        for (int k = 0; k < result.outcomes().size(); k++) {
            assertThat(result.outcomes().get(k).position()).isEqualTo(k + 1);
        }

        Map<Long, List<Long>> sameDay = sameDay(offers);
        Map<Long, Integer> open = new HashMap<>();
        Map<Long, Map<String, Integer>> held = new HashMap<>();
        Map<Long, Integer> openAtStart = new HashMap<>();
        for (BallotSnapshot.Offer offer : offers) {
            int rest = offer.capacity();
            Map<String, Integer> perTerritory = new HashMap<>();
            for (var share : snapshot.shares().entrySet()) {
                int places = offer.capacity() * share.getValue() / 100;
                perTerritory.put(share.getKey(), places);
                rest -= places;
            }
            assertThat(rest).isGreaterThanOrEqualTo(0);
            open.put(offer.id(), rest);
            openAtStart.put(offer.id(), rest);
            held.put(offer.id(), perTerritory);
        }

        Map<Long, Integer> openTakenInRoundOne = new HashMap<>();
        for (DrawResult.Outcome outcome : result.outcomes()) {
            BallotSnapshot.Application a = applicationById.get(outcome.id());
            List<Long> options = options(a, sameDay);
            int last = outcome.round() == 1 ? options.indexOf(outcome.offer()) : options.size();
            assertThat(last).as("%s got an offer it could not ask for", a.id()).isGreaterThanOrEqualTo(0);
            for (int i = 0; i < last; i++) {
                long o = options.get(i);
                assertThat(open.get(o) + held.get(o).getOrDefault(a.territory(), 0))
                        .as("%s: a higher option %d had room at its turn", a.id(), o).isLessThan(a.party());
            }
            if (outcome.round() == 1) {
                long o = outcome.offer();
                int own = held.get(o).getOrDefault(a.territory(), 0);
                assertThat(open.get(o) + own).as("%s overfills %d", a.id(), o).isGreaterThanOrEqualTo(a.party());
                int fromShare = Math.min(own, a.party());
                assertThat(outcome.fromShare()).isEqualTo(fromShare);
                if (fromShare > 0) {
                    held.get(o).put(a.territory(), own - fromShare);
                }
                open.put(o, open.get(o) - (a.party() - fromShare));
                openTakenInRoundOne.merge(o, a.party() - fromShare, Integer::sum);
            } else {
                assertThat(outcome.fromShare()).isZero();
            }
        }
        for (BallotSnapshot.Offer offer : offers) {
            // shares honoured: in round 1 nobody took a place held for another territory
            assertThat(openTakenInRoundOne.getOrDefault(offer.id(), 0)).isLessThanOrEqualTo(openAtStart.get(offer.id()));
            open.put(offer.id(), open.get(offer.id()) + held.get(offer.id()).values().stream().mapToInt(Integer::intValue).sum());
        }

        Map<Long, List<String>> expectedQueues = new HashMap<>();
        offers.forEach(o -> expectedQueues.put(o.id(), new ArrayList<>()));
        for (DrawResult.Outcome outcome : result.outcomes()) {
            if (outcome.round() == 1) {
                continue;
            }
            BallotSnapshot.Application a = applicationById.get(outcome.id());
            List<Long> options = options(a, sameDay);
            assertThat(outcome.round()).isIn(0, 2);
            int last = outcome.round() == 2 ? options.indexOf(outcome.offer()) : options.size();
            assertThat(last).isGreaterThanOrEqualTo(0);
            for (int i = 0; i < last; i++) {
                assertThat(open.get(options.get(i))).as("%s: option %d had room in round 2", a.id(), options.get(i))
                        .isLessThan(a.party());
            }
            if (outcome.round() == 2) {
                assertThat(open.get(outcome.offer())).isGreaterThanOrEqualTo(a.party());
                open.put(outcome.offer(), open.get(outcome.offer()) - a.party());
            } else {
                assertThat(outcome.offer()).isNull();
                a.choices().forEach(c -> expectedQueues.get(c).add(a.id()));
            }
        }

        // capacity: whole parties only, never more persons than places
        Map<Long, Integer> persons = new HashMap<>();
        for (DrawResult.Outcome outcome : result.outcomes()) {
            if (outcome.offer() != null) {
                persons.merge(outcome.offer(), applicationById.get(outcome.id()).party(), Integer::sum);
            }
        }
        persons.forEach((offer, count) -> assertThat(count).isLessThanOrEqualTo(offerById.get(offer).capacity()));

        assertThat(result.waitingLists()).hasSize(offers.size());
        for (DrawResult.WaitingList list : result.waitingLists()) {
            assertThat(list.queue()).as("waiting list of %d", list.offer()).isEqualTo(expectedQueues.get(list.offer()));
        }
    }

    /** The options as the rules state them: choices, then the same day's other offers by id. */
    static List<Long> options(BallotSnapshot.Application a, Map<Long, List<Long>> sameDay) {
        LinkedHashSet<Long> options = new LinkedHashSet<>(a.choices());
        if (a.anyOtherSameDay()) {
            a.choices().forEach(choice -> options.addAll(sameDay.get(choice)));
        }
        return new ArrayList<>(options);
    }

    /** For each offer, the offers of its day (itself included) by increasing id. */
    static Map<Long, List<Long>> sameDay(List<BallotSnapshot.Offer> offers) {
        Map<Long, List<Long>> sameDay = new HashMap<>();
        for (BallotSnapshot.Offer offer : offers) {
            sameDay.put(offer.id(), offers.stream().filter(o -> o.day().equals(offer.day()))
                    .map(BallotSnapshot.Offer::id).sorted().toList());
        }
        return sameDay;
    }
}
