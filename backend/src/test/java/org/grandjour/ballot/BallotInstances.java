package org.grandjour.ballot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random ballot instances for the tests (java.util.Random only makes test data, never a draw). */
final class BallotInstances {
    static final List<String> TERRITORIES = List.of("FR-62", "FR-59", "GB-KEN", "BE-WHT");

    private BallotInstances() {
    }

    /** A fixed 32-byte seed derived from a label, so test seeds are a documented, repeatable sequence. */
    static byte[] seed(String label) {
        return DrawGenerator.sha256().digest(label.getBytes(StandardCharsets.UTF_8));
    }

    static BallotSnapshot random(long instanceSeed, int maxApplications) {
        Random random = new Random(instanceSeed);
        int offerCount = 1 + random.nextInt(8);
        int days = 1 + random.nextInt(3);
        List<BallotSnapshot.Offer> offers = new ArrayList<>();
        for (int o = 0; o < offerCount; o++) {
            offers.add(new BallotSnapshot.Offer(100 + 7L * o, random.nextInt(13),
                    LocalDate.of(2027, 6, 5).plusDays(random.nextInt(days))));
        }
        Map<String, Integer> shares = new HashMap<>();
        int left = 100;
        for (String territory : TERRITORIES.subList(0, 3)) {
            if (left > 0 && random.nextBoolean()) {
                int percent = 1 + random.nextInt(Math.min(left, 60));
                shares.put(territory, percent);
                left -= percent;
            }
        }
        int n = random.nextInt(maxApplications + 1);
        List<BallotSnapshot.Application> applications = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int choiceCount = 1 + random.nextInt(Math.min(5, offerCount));
            LinkedHashSet<Long> choices = new LinkedHashSet<>();
            while (choices.size() < choiceCount) {
                choices.add(offers.get(random.nextInt(offerCount)).id());
            }
            int t = random.nextInt(TERRITORIES.size() + 1);
            applications.add(new BallotSnapshot.Application("P" + Integer.toString(random.nextInt(1 << 30), 36) + "-" + a,
                    1 + random.nextInt(4), List.copyOf(choices), t == TERRITORIES.size() ? null : TERRITORIES.get(t),
                    random.nextBoolean()));
        }
        return new BallotSnapshot(1, offers, shares, applications);
    }
}
