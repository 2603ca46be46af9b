package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A Kent-sized draw in memory: 200,000 applications with up to 5 choices over 240 offers (popularity
 * skewed: a few offers draw most first choices), three territory shares. Checked by the same replay as
 * the property test; the time and the bytes allocated are printed (a measure, not asserted).
 */
class BallotDrawScaleTest {

    @Test
    void aDrawOf200000ApplicationsFollowsTheRules() {
        Random random = new Random(2017);
        List<BallotSnapshot.Offer> offers = new ArrayList<>();
        for (int o = 0; o < 240; o++) {
            offers.add(new BallotSnapshot.Offer(1000 + o, 60 + random.nextInt(120), LocalDate.of(2027, 6, 5).plusDays(o % 2)));
        }
        List<BallotSnapshot.Application> applications = new ArrayList<>(200_000);
        for (int a = 0; a < 200_000; a++) {
            int count = 1 + random.nextInt(5);
            LinkedHashSet<Long> choices = new LinkedHashSet<>();
            while (choices.size() < count) {
                // squared uniform: low offer numbers are much more popular (the "animal parks")
                double u = random.nextDouble();
                choices.add(1000L + (int) (u * u * 240));
            }
            int t = random.nextInt(5);
            applications.add(new BallotSnapshot.Application(String.format("G%07X", a * 2654435761L & 0xFFFFFFFL) + a, 1 + random.nextInt(4),
                    List.copyOf(choices), t < 4 ? BallotInstances.TERRITORIES.get(t) : null, random.nextBoolean()));
        }
        BallotSnapshot snapshot = new BallotSnapshot(1, offers, Map.of("FR-62", 50, "FR-59", 30, "GB-KEN", 20), applications);

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        DrawResult result = BallotDraw.draw(snapshot, BallotInstances.seed("scale"), "public");
        String hash = result.hash();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long winners = result.outcomes().stream().filter(o -> o.offer() != null).count();
        System.out.printf("ballot draw of %d applications over %d offers: %d ms including the snapshot and result hashes,"
                + " %d MB allocated, %d winners, result %s%n", applications.size(), offers.size(), millis, allocated >> 20, winners, hash);

        assertThat(winners).isPositive().isLessThan(applications.size());
        BallotDrawPropertiesTest.replay(snapshot, result);
    }
}
