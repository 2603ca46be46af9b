package org.grandjour.overbooking;

import java.util.List;
import java.util.Map;

/**
 * The model's inputs from comparable history, by the method of moments (pure functions).
 * <p>
 * Observations are (attraction, day): n parties booked, x of them showed up (at least one person
 * admitted). Each attraction's show rate is its pooled x / n. The dispersion (intra-class correlation
 * ρ of a beta-binomial: Var x = n μ(1−μ)(1 + (n−1)ρ)) is one figure for the whole history, because two
 * days per attraction cannot measure it alone: the squared deviations of every day from its attraction's
 * mean are set equal to their expectation under the model, which is linear in ρ, accounting exactly for
 * the mean being estimated from the same days. A negative estimate (less spread than binomial) is 0.
 * <p>
 * For a future day the show rate is also uncertain because it was estimated from N parties: that adds
 * about μ(1−μ)/N to Var p, i.e. 1/N to the dispersion the model uses ({@link #dispersionFor}).
 */
public final class HistoryFit {
    private HistoryFit() {
    }

    /** One attraction's one day in the history. */
    public record Day(long attraction, int parties, int showed) {
    }

    /** Pooled show rate of each attraction's days. */
    public static double showRate(List<Day> days) {
        long n = days.stream().mapToLong(Day::parties).sum();
        long x = days.stream().mapToLong(Day::showed).sum();
        return n == 0 ? Double.NaN : (double) x / n;
    }

    /** The method-of-moments ρ over every attraction's days (0 when the days spread no more than binomially). */
    public static double dispersion(Map<Long, List<Day>> byAttraction) {
        double observed = 0;
        double base = 0; // expected squared deviations at ρ = 0 ...
        double slope = 0; // ... and their growth per unit of ρ
        for (List<Day> days : byAttraction.values()) {
            double mu = showRate(days);
            double total = days.stream().mapToDouble(Day::parties).sum();
            if (days.size() < 2 || !(mu > 0 && mu < 1)) {
                continue; // one day, or all/none showed: says nothing about day-to-day spread
            }
            double q = mu * (1 - mu);
            // Var x_j = q (n_j + n_j (n_j − 1) ρ); with μ̂ = Σx/N: E (x_j − n_j μ̂)² = v_j (1 − 2 n_j / N) + n_j² V / N²
            double v0 = 0;
            double v1 = 0;
            for (Day d : days) {
                v0 += q * d.parties();
                v1 += q * d.parties() * (d.parties() - 1.0);
            }
            for (Day d : days) {
                double n = d.parties();
                double keep = 1 - 2 * n / total;
                double share = n * n / (total * total);
                base += q * n * keep + share * v0;
                slope += q * n * (n - 1) * keep + share * v1;
                double dev = d.showed() - n * mu;
                observed += dev * dev;
            }
        }
        if (slope <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(0.99, (observed - base) / slope));
    }

    /** The dispersion to use for a future day of an attraction whose rate came from {@code parties} parties. */
    public static double dispersionFor(double betweenDays, long parties) {
        return Math.min(0.99, betweenDays + 1.0 / Math.max(1, parties));
    }
}
