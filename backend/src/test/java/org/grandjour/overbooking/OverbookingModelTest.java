package org.grandjour.overbooking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The overbooking model against exact values (binomial and beta-binomial tails computed independently
 * here, in log space), and against a simulation of 10,000 days whose overflow count is checked with an
 * exact binomial bound.
 */
class OverbookingModelTest {
    /** Parties of 1 only: persons and parties are the same, the textbook case. */
    private static final double[] SINGLES = {0, 1};
    /** The 2010 replay's party sizes (demo/Simulation2010.partySize). */
    private static final double[] PARTIES_2010 = {0, 0.20, 0.40, 0.20, 0.15, 0.025, 0.025};

    @Test
    void withoutDispersionAndPartiesOfOneItIsTheBinomialTail() {
        // P(Bin(10, 1/2) > 7) = (45 + 10 + 1) / 1024
        assertThat(OverbookingModel.overflowRisk(7, 10, 0.5, 0, SINGLES)).isCloseTo(56.0 / 1024, within(1e-12));
        for (int[] c : new int[][] {{100, 110}, {100, 125}, {300, 330}, {50, 70}}) {
            for (double p : new double[] {0.6, 0.7, 0.9}) {
                assertThat(OverbookingModel.overflowRisk(c[0], c[1], p, 0, SINGLES))
                        .as("Bin(%d, %s) > %d", c[1], p, c[0]).isCloseTo(binomialTail(c[1], p, c[0]), within(1e-10));
            }
        }
    }

    @Test
    void asTheDispersionGoesToZeroItTendsToTheBinomial() {
        double binomial = binomialTail(130, 0.7, 100);
        // day-to-day spread fattens the tail, less and less as it vanishes
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 1e-2, SINGLES)).isGreaterThan(binomial * 1.1);
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 1e-4, SINGLES)).isBetween(binomial, binomial * 1.1);
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 1e-6, SINGLES)).isCloseTo(binomial, within(binomial * 1e-3));
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 1e-10, SINGLES)).isCloseTo(binomial, within(binomial * 1e-9));
    }

    @Test
    void withDispersionItIsTheBetaBinomialTail() {
        for (double rho : new double[] {0.01, 0.05, 0.2}) {
            double exact = betaBinomialTail(130, 0.7, rho, 100);
            assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, rho, SINGLES)).as("rho %s", rho)
                    .isCloseTo(exact, within(exact * 1e-9));
        }
    }

    @Test
    void partiesComeOrStayTogether() {
        // parties of 2 only: arrivals = 2 × Bin(65, p), never an odd number
        double[] pairs = {0, 0, 1};
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 0, pairs)).isCloseTo(binomialTail(65, 0.7, 50), within(1e-10));
        // the same persons in parties overflow more often than independent persons
        assertThat(OverbookingModel.overflowRisk(100, 130, 0.7, 0, pairs)).isGreaterThan(binomialTail(130, 0.7, 100));
    }

    @Test
    void theAllowanceIsTheLargestWithinTheRisk() {
        OverbookingModel.Allowance a = OverbookingModel.allowance(300, 0.01, 0.7, 0.01, PARTIES_2010, 200);
        assertThat(a.extra()).isPositive();
        assertThat(a.risk()).isLessThanOrEqualTo(0.01);
        assertThat(OverbookingModel.overflowRisk(300, 300 + a.extra() + 1, 0.7, 0.01, PARTIES_2010)).isGreaterThan(0.01);
        // a show rate of 1 minus nothing: no room; no dispersion beats dispersion
        assertThat(OverbookingModel.allowance(300, 0.01, 0.999, 0, PARTIES_2010, 200).extra()).isZero();
        assertThat(OverbookingModel.allowance(300, 0.01, 0.7, 0, PARTIES_2010, 200).extra()).isGreaterThan(a.extra());
    }

    /**
     * 10,000 simulated days of one offer handed out to capacity + allowance: each day draws its show rate
     * from the Beta, parties of 2010's sizes until the places are booked exactly (a day that overshoots is
     * drawn again, as the model conditions on it), then each party comes or not. The overflow count must
     * be one that a risk of at most α makes likely: at most the smallest k with P(Bin(n, α) ≥ k) ≤ 10⁻⁶;
     * and it must agree with the model's own risk both ways at that level.
     */
    @Test
    void tenThousandSimulatedDaysOverflowWithinTheChosenRisk() {
        int capacity = 300;
        double alpha = 0.01;
        double showRate = 0.7;
        double rho = 0.02;
        OverbookingModel.Allowance a = OverbookingModel.allowance(capacity, alpha, showRate, rho, PARTIES_2010, 200);
        assertThat(a.extra()).isPositive();
        int days = 10_000;
        SplittableRandom random = new SplittableRandom(2010);
        int overflows = 0;
        for (int d = 0; d < days; d++) {
            if (arrivals(random, capacity + a.extra(), showRate, rho) > capacity) {
                overflows++;
            }
        }
        double level = 1e-6;
        assertThat(overflows).as("overflow days at allowance %d (model risk %s)", a.extra(), a.risk())
                .isLessThan(smallestUpperCritical(days, alpha, level));
        assertThat(binomialAtLeast(days, a.risk(), overflows)).isGreaterThan(level);
        assertThat(binomialAtMost(days, a.risk(), overflows)).isGreaterThan(level);
    }

    @Test
    void theMethodOfMomentsFindsTheDispersionOfKnownHistory() {
        SplittableRandom random = new SplittableRandom(62);
        for (double rho : new double[] {0, 0.05}) {
            Map<Long, List<HistoryFit.Day>> history = new LinkedHashMap<>();
            for (long attraction = 0; attraction < 400; attraction++) {
                double mu = 0.55 + 0.3 * random.nextDouble();
                List<HistoryFit.Day> days = new ArrayList<>();
                for (int day = 0; day < 2; day++) {
                    double p = rho == 0 ? mu : beta(random, mu * (1 - rho) / rho, (1 - mu) * (1 - rho) / rho);
                    int parties = 80 + random.nextInt(80);
                    int showed = 0;
                    for (int i = 0; i < parties; i++) {
                        showed += random.nextDouble() < p ? 1 : 0;
                    }
                    days.add(new HistoryFit.Day(attraction, parties, showed));
                }
                history.put(attraction, days);
            }
            // 800 days of 80 to 160 parties (seeded, so the same draws every run)
            assertThat(HistoryFit.dispersion(history)).as("rho %s", rho).isCloseTo(rho, within(0.02));
        }
    }

    /** Persons arriving on one simulated day booked to exactly {@code places}. */
    private static int arrivals(SplittableRandom random, int places, double showRate, double rho) {
        while (true) {
            double p = beta(random, showRate * (1 - rho) / rho, (1 - showRate) * (1 - rho) / rho);
            int booked = 0;
            int arrived = 0;
            while (booked < places) {
                int size = partySize(random);
                booked += size;
                if (random.nextDouble() < p) {
                    arrived += size;
                }
            }
            if (booked == places) {
                return arrived;
            }
        }
    }

    private static int partySize(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 1; k < PARTIES_2010.length; k++) {
            cumulative += PARTIES_2010[k];
            if (u < cumulative) {
                return k;
            }
        }
        return PARTIES_2010.length - 1;
    }

    /** Beta(a, b) as X / (X + Y) of two Gamma draws (Marsaglia and Tsang; shapes ≥ 1 here). */
    private static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = Math.pow(1 + c * z, 3);
            if (v <= 0) {
                continue;
            }
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** P(Bin(n, p) > c), summed exactly from the pmf in log space. */
    static double binomialTail(int n, double p, int c) {
        double sum = 0;
        for (int k = c + 1; k <= n; k++) {
            sum += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
        }
        return sum;
    }

    private static double binomialAtLeast(int n, double p, int k) {
        return k == 0 ? 1 : binomialTail(n, p, k - 1);
    }

    private static double binomialAtMost(int n, double p, int k) {
        return 1 - binomialTail(n, p, k);
    }

    /** The smallest k with P(Bin(n, p) ≥ k) ≤ level. */
    private static int smallestUpperCritical(int n, double p, double level) {
        int k = (int) (n * p);
        while (binomialAtLeast(n, p, k) > level) {
            k++;
        }
        return k;
    }

    /** P(X > c) for X beta-binomial(n; mean mu, intra-class correlation rho), from its pmf. */
    private static double betaBinomialTail(int n, double mu, double rho, int c) {
        double a = mu * (1 - rho) / rho;
        double b = (1 - mu) * (1 - rho) / rho;
        double sum = 0;
        for (int k = c + 1; k <= n; k++) {
            sum += Math.exp(logChoose(n, k) + logBeta(k + a, n - k + b) - logBeta(a, b));
        }
        return sum;
    }

    private static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static final double[] LOG_FACTORIALS = new double[10_001];

    static {
        for (int i = 2; i < LOG_FACTORIALS.length; i++) {
            LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
        }
    }

    private static double logFactorial(int n) {
        return LOG_FACTORIALS[n];
    }

    private static double logBeta(double a, double b) {
        return OverbookingModel.logGamma(a) + OverbookingModel.logGamma(b) - OverbookingModel.logGamma(a + b);
    }
    @Test
    void attractionsThatDifferOnlyByChanceArePooled() {
        SplittableRandom random = new SplittableRandom(11);
        Map<Long, List<HistoryFit.Day>> same = history(random, 40, a -> 0.7, 150);
        double raw = 0;
        double shrunk = 0;
        for (List<HistoryFit.Day> own : same.values()) {
            raw += Math.pow(HistoryFit.showRate(own) - 0.7, 2);
            shrunk += Math.pow(HistoryFit.estimate(own, same, 0).showRate() - 0.7, 2);
        }
        // the own rates stray by chance (about 0.026 for 300 parties); the estimates far less
        assertThat(Math.sqrt(shrunk / 40)).isLessThan(Math.sqrt(raw / 40) / 2);
        // attractions that truly differ keep (nearly) their own rate
        Map<Long, List<HistoryFit.Day>> apart = history(random, 40, a -> a % 2 == 0 ? 0.5 : 0.9, 150);
        for (List<HistoryFit.Day> own : apart.values()) {
            assertThat(HistoryFit.estimate(own, apart, 0).showRate()).isCloseTo(HistoryFit.showRate(own), within(0.01));
        }
        // two attractions cannot tell chance from difference: their own rates
        Map<Long, List<HistoryFit.Day>> two = history(random, 2, a -> 0.7, 150);
        for (List<HistoryFit.Day> own : two.values()) {
            assertThat(HistoryFit.estimate(own, two, 0)).isEqualTo(new HistoryFit.Estimate(HistoryFit.showRate(own), 1.0 / 300));
        }
    }

    @Test
    void allowancesFromEstimatedHistoryOverflowWithinTheChosenRisk() {
        // 100 histories of 30 attractions alike (2 days of 120 parties, show rate 0.7), then one future day each
        SplittableRandom random = new SplittableRandom(2010);
        int days = 0;
        int overflows = 0;
        for (int h = 0; h < 100; h++) {
            Map<Long, List<HistoryFit.Day>> history = history(random, 30, a -> 0.7, 120);
            double rho = HistoryFit.dispersion(history);
            for (List<HistoryFit.Day> own : history.values()) {
                HistoryFit.Estimate e = HistoryFit.estimate(own, history, rho);
                int extra = OverbookingModel.allowance(100, 0.01, e.showRate(), HistoryFit.dispersionFor(rho, e.uncertainty()), SINGLES, 100).extra();
                int arrivals = 0;
                for (int i = 0; i < 100 + extra; i++) {
                    arrivals += random.nextDouble() < 0.7 ? 1 : 0;
                }
                days++;
                overflows += arrivals > 100 ? 1 : 0;
            }
        }
        // at most 1 %, give or take three standard errors of 3,000 days
        assertThat((double) overflows / days).as("%d of %d days overflowed", overflows, days)
                .isLessThanOrEqualTo(0.01 + 3 * Math.sqrt(0.01 * 0.99 / days));
    }

    /** Attractions 0..count−1, two days of {@code parties} parties each, showing at their rate. */
    private static Map<Long, List<HistoryFit.Day>> history(SplittableRandom random, int count, java.util.function.LongToDoubleFunction rate, int parties) {
        Map<Long, List<HistoryFit.Day>> history = new LinkedHashMap<>();
        for (long a = 0; a < count; a++) {
            List<HistoryFit.Day> days = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                int showed = 0;
                for (int i = 0; i < parties; i++) {
                    showed += random.nextDouble() < rate.applyAsDouble(a) ? 1 : 0;
                }
                days.add(new HistoryFit.Day(a, parties, showed));
            }
            history.put(a, days);
        }
        return history;
    }
}
