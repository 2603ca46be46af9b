package org.grandjour.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Equal odds: 100 single-choice applicants for 10 places, 20,000 draws with the seeds SHA-256("fairness-i"),
 * i = 0..19,999 (a fixed sequence, so the test gives the same figure every run and cannot be flaky).
 *
 * <p>Each applicant's win count W_i is Binomial(20,000, 0.1) under fair draws. Within a draw the ten
 * winners are drawn without replacement, so the counts are slightly negatively correlated (their sum is
 * fixed); the covariance matrix is σ²·(100/99)·(I − J/100) with σ² = N·p·(1−p), hence
 * T = Σ (W_i − N·p)² / (σ²·100/99) follows χ² with 99 degrees of freedom. We require T between the
 * 0.1% and 99.9% quantiles of χ²(99), 61.1 and 148.2 (Wilson–Hilferty): too uneven means biased odds,
 * too even means the draws are not independent. A bias as small as one applicant winning 2,250 times
 * instead of 2,000 alone adds 36 to T.
 */
class BallotDrawFairnessTest {
    static final int APPLICANTS = 100;
    static final int PLACES = 10;
    static final int DRAWS = 20_000;

    @Test
    void everyApplicantHasTheSameOdds() {
        List<BallotSnapshot.Application> applications = new ArrayList<>();
        for (int a = 0; a < APPLICANTS; a++) {
            applications.add(new BallotSnapshot.Application(String.format("A%03d", a), 1, List.of(1L), null, false));
        }
        BallotSnapshot snapshot = new BallotSnapshot(1, List.of(new BallotSnapshot.Offer(1, PLACES, LocalDate.of(2027, 6, 5))),
                Map.of(), applications);
        Map<String, Integer> wins = new HashMap<>();
        long[] firstPosition = new long[APPLICANTS];
        for (int i = 0; i < DRAWS; i++) {
            DrawResult result = BallotDraw.draw(snapshot, BallotInstances.seed("fairness-" + i), "");
            int winners = 0;
            for (DrawResult.Outcome outcome : result.outcomes()) {
                if (outcome.offer() != null) {
                    wins.merge(outcome.id(), 1, Integer::sum);
                    winners++;
                    assertThat(outcome.position()).isLessThanOrEqualTo(PLACES);
                }
            }
            assertThat(winners).isEqualTo(PLACES);
            firstPosition[Integer.parseInt(result.outcomes().get(0).id().substring(1))]++;
        }
        double p = (double) PLACES / APPLICANTS;
        double expected = DRAWS * p;
        double variance = DRAWS * p * (1 - p) * APPLICANTS / (APPLICANTS - 1);
        double t = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int a = 0; a < APPLICANTS; a++) {
            int w = wins.getOrDefault(String.format("A%03d", a), 0);
            t += (w - expected) * (w - expected) / variance;
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        System.out.printf("ballot equal odds: chi-square %.2f (99 df, accepted 61.1..148.2), wins per applicant %d..%d of %d draws%n",
                t, min, max, DRAWS);
        assertThat(t).isBetween(61.1, 148.2);

        // the first position too is uniform: a plain Pearson test over 100 cells, 99 df
        double expectedFirst = (double) DRAWS / APPLICANTS;
        double first = 0;
        for (long count : firstPosition) {
            first += (count - expectedFirst) * (count - expectedFirst) / expectedFirst;
        }
        System.out.printf("ballot first position: chi-square %.2f (99 df, accepted 61.1..148.2)%n", first);
        assertThat(first).isBetween(61.1, 148.2);
    }
}
