package org.grandjour.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The 2010 counterfactual: the weekend as it was against the same weekend with waiting lists, reminders and overbooking. */
class Counterfactual2010Test {
    private static final double RISK = 0.01;
    private static final int WEEKENDS = 50;

    /** The 2010 offers: each demo attraction's places, on both days. */
    static List<Integer> capacities2010() throws Exception {
        try (InputStream in = Counterfactual2010Test.class.getResourceAsStream("/demo/attractions.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Integer> capacities = new ArrayList<>();
            for (JsonNode a : root.path("attractions")) {
                capacities.add(a.path("capacity2010PerDay").asInt());
                capacities.add(a.path("capacity2010PerDay").asInt());
            }
            return capacities;
        }
    }

    @Test
    void asItWasAboutSeventyPercentOfTheEntriesWereUsed() throws Exception {
        Counterfactual2010.Comparison c = Counterfactual2010.run(capacities2010(), 1.5, 0.4, RISK, WEEKENDS, 2010);
        assertThat(c.asItWas().offered()).isEqualTo(20_000L * WEEKENDS);
        assertThat(c.asItWas().usedShare()).isBetween(0.68, 0.72);
        assertThat(c.asItWas().overflowDays()).isZero(); // never more tickets than places
    }

    @Test
    void withWaitingListsRemindersAndOverbookingMoreAreUsedAndTheDoorOverflowsWithinTheRisk() throws Exception {
        List<Integer> capacities = capacities2010();
        StringBuilder table = new StringBuilder("| parties that will not come who release when asked | entries used, 2010 as it was | "
                + "entries used with Grand Jour | places released → refilled | extra places overbooked | offer-days over capacity |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (double share : new double[] {0.0, 0.2, 0.4, 0.6}) {
            Counterfactual2010.Comparison c = Counterfactual2010.run(capacities, 1.5, share, RISK, WEEKENDS, 2010);
            Counterfactual2010.Outcome now = c.withGrandJour();
            assertThat(now.usedShare()).isGreaterThan(c.asItWas().usedShare());
            assertThat(now.refilled()).isLessThanOrEqualTo(now.released());
            // each offer-day overflows with probability at most RISK: the observed rate within 3 standard errors of it
            double bound = RISK + 3 * Math.sqrt(RISK * (1 - RISK) / now.offerDays());
            assertThat(now.overflowRate()).isLessThanOrEqualTo(bound);
            table.append(String.format(java.util.Locale.ROOT, "| %.0f %% | %.1f %% | %.1f %% | %,d → %,d | %,d | %d of %d (%.2f %%) |%n",
                    share * 100, c.asItWas().usedShare() * 100, now.usedShare() * 100, now.released() / WEEKENDS, now.refilled() / WEEKENDS,
                    now.overbooked() / WEEKENDS, now.overflowDays(), now.offerDays(), now.overflowRate() * 100));
        }
        System.out.println("2010 counterfactual, " + WEEKENDS + " weekends, demand 1.5 x the places, overbooking risk 1 % (per weekend):\n" + table);
    }

    @Test
    void withoutOverbookingNoDoorOverflows() throws Exception {
        Counterfactual2010.Comparison c = Counterfactual2010.run(capacities2010(), 1.5, 0.4, 0, 10, 7);
        assertThat(c.withGrandJour().overflowDays()).isZero();
        assertThat(c.withGrandJour().overbooked()).isZero();
    }
}
