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
 * <p>
 * An attraction's own rate is not used as it is: among many attractions some come out low by chance, and
 * those are the ones that would be overbooked most (the 2010 back-test overflowed 8 of 62 offer-days at a
 * 1 % risk that way). {@link #estimate} shrinks it toward the pooled rate of every attraction by how much
 * attractions really differ (empirical Bayes: a beta prior whose variance is the between-attraction
 * variance, by the method of moments), and says how uncertain the result is.
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
        return dispersionFor(betweenDays, 1.0 / Math.max(1, parties));
    }

    /** The dispersion to use for a future day, given the estimate's own variance as a share of μ(1−μ). */
    public static double dispersionFor(double betweenDays, double estimateShare) {
        return Math.min(0.99, betweenDays + estimateShare);
    }

    /**
     * An attraction's show rate for the model, and its uncertainty as a share of μ(1−μ) (Var μ̂ / μ(1−μ)).
     * With fewer than three attractions the between-attraction variance cannot be told from chance: the
     * attraction's own rate then, with 1/N.
     */
    public record Estimate(double showRate, double uncertainty) {
    }

    /** {@code own}'s show rate shrunk toward the pooled rate of {@code byAttraction}, with {@code rho} the between-days dispersion. */
    public static Estimate estimate(List<Day> own, Map<Long, List<Day>> byAttraction, double rho) {
        long ownParties = parties(own);
        double ownRate = showRate(own);
        List<List<Day>> usable = byAttraction.values().stream()
                .filter(days -> parties(days) > 0).toList();
        if (usable.size() < 3) {
            return new Estimate(ownRate, 1.0 / Math.max(1, ownParties));
        }
        double total = 0;
        double showed = 0;
        double squares = 0;
        for (List<Day> days : usable) {
            double n = parties(days);
            total += n;
            showed += days.stream().mapToLong(Day::showed).sum();
            squares += n * n;
        }
        double pooled = showed / total;
        double q = pooled * (1 - pooled);
        if (!(q > 0)) {
            return new Estimate(ownRate, 1.0 / Math.max(1, ownParties));
        }
        // S = Σ n_a (p_a − p̄)²: E S = Σ (1 − n_a/N) q f_a + τ² (N − Σ n_a²/N), f_a the within-attraction inflation by ρ
        double spread = 0;
        double chance = 0;
        double meanInflation = 0;
        for (List<Day> days : usable) {
            double n = parties(days);
            double p = showRate(days);
            spread += n * (p - pooled) * (p - pooled);
            double f = inflation(days, rho);
            chance += (1 - n / total) * q * f;
            meanInflation += n * f / total;
        }
        double between = Math.max(0, (spread - chance) / (total - squares / total));
        double pooledShare = meanInflation / total; // Var p̄ / q
        double ownEffective = ownParties / inflation(own, rho);
        if (between <= 0 || ownParties == 0) {
            return new Estimate(pooled, pooledShare); // attractions differ no more than chance: the pooled rate
        }
        double strength = Math.max(0, q / between - 1); // the prior's weight, in parties
        double rate = (ownRate * ownEffective + pooled * strength) / (ownEffective + strength);
        return new Estimate(rate, 1.0 / (ownEffective + strength + 1) + pooledShare);
    }

    private static long parties(List<Day> days) {
        return days.stream().mapToLong(Day::parties).sum();
    }

    /** Var of an attraction's pooled rate over its binomial value: 1 + (Σ n_j² / n − 1) ρ. */
    private static double inflation(List<Day> days, double rho) {
        double n = parties(days);
        double squares = days.stream().mapToDouble(d -> (double) d.parties() * d.parties()).sum();
        return n == 0 ? 1 : 1 + (squares / n - 1) * rho;
    }
}
