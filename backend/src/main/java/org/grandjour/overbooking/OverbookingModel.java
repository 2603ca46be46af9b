package org.grandjour.overbooking;

/**
 * Risk-bounded overbooking, as pure functions (no database): how many places beyond an offer's capacity
 * may be handed out so that the chance that more persons arrive than the capacity stays at or under a
 * chosen risk.
 * <p>
 * The model. Parties come or stay away together, so the party is the unit. On a given day every party
 * of the offer shows up with the same probability {@code p} (the day's weather, a strike, a local event
 * move everybody together), independently of the others given {@code p}; {@code p} itself varies from day
 * to day as a Beta distribution with mean {@code showRate} and intra-class correlation {@code dispersion}
 * (Var p = dispersion · showRate · (1 − showRate); 0 = no day-to-day variation: the plain binomial):
 * a beta-binomial over parties. Party sizes are independent draws from the typical party-size
 * distribution, and a sold-out offer is booked exactly to the places handed out (the sequence of
 * parties is conditioned on its sizes adding up to that total).
 * <p>
 * The tail is computed exactly, with no normal approximation and no numerical integration: with F_k(x)
 * the probability that k parties hold x persons (a convolution of the sizes), the chance that T places
 * are booked by k parties that come holding a persons and j that stay away holding T − a is
 * C(k+j, k) · E[p^k (1−p)^j] · F_k(a) · F_j(T − a), and E[p^k (1−p)^j] = B(α+k, β+j) / B(α, β) under the
 * Beta (p^k (1−p)^j without dispersion). Summing over a > capacity and dividing by P(the sizes hit T)
 * gives P(arrivals > capacity | T booked). Terms where F is below 1e-18 are left out (each term is at
 * most F_k(a) F_j(T − a), so what is left out is far below any risk one would choose).
 */
public final class OverbookingModel {
    private static final double NEGLIGIBLE = 1e-18;

    private OverbookingModel() {
    }

    /** An allowance and the overflow risk it leaves (P(arrivals > capacity)). */
    public record Allowance(int extra, double risk) {
    }

    /**
     * The largest {@code extra} in 0..{@code maxExtra} such that P(arrivals > capacity) ≤ {@code alpha} for
     * every number of places booked up to {@code capacity + extra}, and the risk at that allowance.
     */
    public static Allowance allowance(int capacity, double alpha, double showRate, double dispersion, double[] partySizes, int maxExtra) {
        Tail tail = new Tail(capacity, capacity + maxExtra, showRate, dispersion, partySizes);
        // the risk grows with the places booked (more parties, each coming as likely): a binary search
        int ok = 0; // risk(capacity + ok) <= alpha
        int over = maxExtra + 1; // risk(capacity + over) > alpha, or beyond the search
        while (over - ok > 1) {
            int mid = (ok + over) >>> 1;
            double r = tail.risk(capacity + mid);
            if (r > alpha) {
                over = mid;
            } else {
                ok = mid; // NaN: no parties book exactly this many; it cannot overflow either
            }
        }
        double risk = tail.risk(capacity + ok);
        return new Allowance(ok, Double.isNaN(risk) ? 0 : risk);
    }

    /** P(arrivals > capacity) when {@code handedOut} places are booked (NaN when no parties can book exactly that many). */
    public static double overflowRisk(int capacity, int handedOut, double showRate, double dispersion, double[] partySizes) {
        return new Tail(capacity, handedOut, showRate, dispersion, partySizes).risk(handedOut);
    }

    /** The exact tail for one offer, for any number of places booked up to {@code maxBooked}. */
    static final class Tail {
        private final int capacity;
        /** f[k][x] = P(k parties hold x persons). */
        private final double[][] f;
        /** Per persons x: the parties k for which f[k][x] is not negligible, from klo[x] to khi[x]. */
        private final int[] klo;
        private final int[] khi;
        private final double[] logFactorial;
        private final boolean binomial;
        private final double logP;
        private final double logQ;
        /** ln Γ(α + k), ln Γ(β + j), ln Γ(α + β + n) and ln B(α, β) of the Beta. */
        private final double[] lgA;
        private final double[] lgB;
        private final double[] lgAB;
        private final double lnBeta;
        /** coming[k][j] = C(k+j, k) E[p^k (1−p)^j], for the k and j the sums can need. */
        private final double[][] coming;

        Tail(int capacity, int maxBooked, double showRate, double dispersion, double[] partySizes) {
            if (!(showRate > 0 && showRate < 1)) {
                throw new IllegalArgumentException("show rate must be in (0, 1): " + showRate);
            }
            if (!(dispersion >= 0 && dispersion < 1)) {
                throw new IllegalArgumentException("dispersion must be in [0, 1): " + dispersion);
            }
            this.capacity = capacity;
            double[] sizes = normalised(partySizes);
            int n = maxBooked;
            f = new double[n + 1][];
            f[0] = new double[n + 1];
            f[0][0] = 1;
            for (int k = 1; k <= n; k++) {
                double[] prev = f[k - 1];
                double[] row = new double[n + 1];
                boolean any = false;
                for (int x = k; x <= n; x++) {
                    double sum = 0;
                    for (int s = 1; s < sizes.length && s <= x; s++) {
                        sum += prev[x - s] * sizes[s];
                    }
                    row[x] = sum;
                    any |= sum >= NEGLIGIBLE;
                }
                f[k] = row;
                if (!any) { // more parties than this cannot hold n persons or fewer with any weight
                    for (int rest = k + 1; rest <= n; rest++) {
                        f[rest] = new double[n + 1];
                    }
                    break;
                }
            }
            klo = new int[n + 1];
            khi = new int[n + 1];
            for (int x = 0; x <= n; x++) {
                klo[x] = Integer.MAX_VALUE;
                khi[x] = -1;
                for (int k = 0; k <= x; k++) {
                    if (f[k][x] >= NEGLIGIBLE) {
                        klo[x] = Math.min(klo[x], k);
                        khi[x] = k;
                    }
                }
            }
            logFactorial = new double[2 * n + 2];
            for (int i = 2; i < logFactorial.length; i++) {
                logFactorial[i] = logFactorial[i - 1] + Math.log(i);
            }
            binomial = dispersion < 1e-9;
            logP = Math.log(showRate);
            logQ = Math.log1p(-showRate);
            if (binomial) {
                lgA = lgB = lgAB = null;
                lnBeta = 0;
            } else {
                double sum = (1 - dispersion) / dispersion;
                double a = showRate * sum;
                double b = (1 - showRate) * sum;
                lgA = logGammas(a, n + 1);
                lgB = logGammas(b, n + 1);
                lgAB = logGammas(a + b, 2 * n + 2);
                lnBeta = lgA[0] + lgB[0] - lgAB[0];
            }
            int maxK = 0;
            int maxJ = 0;
            for (int x = capacity + 1; x <= n; x++) {
                maxK = Math.max(maxK, khi[x]);
                maxJ = Math.max(maxJ, khi[n - x]);
            }
            coming = new double[maxK + 1][maxJ + 1];
            for (int k = 0; k <= maxK; k++) {
                for (int j = 0; j <= maxJ; j++) {
                    coming[k][j] = Math.exp(logComing(k, j));
                }
            }
        }

        /** P(arrivals > capacity | exactly {@code booked} persons booked). */
        double risk(int booked) {
            if (booked <= capacity) {
                return 0;
            }
            double hit = 0;
            for (int m = klo[booked]; m <= khi[booked]; m++) {
                hit += f[m][booked];
            }
            if (!(hit > 0)) {
                return Double.NaN;
            }
            double over = 0;
            for (int a = capacity + 1; a <= booked; a++) {
                int rest = booked - a;
                for (int k = klo[a]; k <= khi[a]; k++) {
                    double fk = f[k][a];
                    if (fk < NEGLIGIBLE) {
                        continue;
                    }
                    double[] c = coming[k];
                    double sum = 0;
                    for (int j = klo[rest]; j <= khi[rest]; j++) {
                        sum += c[j] * f[j][rest];
                    }
                    over += fk * sum;
                }
            }
            return Math.min(1, over / hit);
        }

        /** ln of C(k+j, k) · E[p^k (1−p)^j]: the chance that exactly these k of k + j parties come. */
        private double logComing(int k, int j) {
            double choose = logFactorial[k + j] - logFactorial[k] - logFactorial[j];
            if (binomial) {
                return choose + k * logP + j * logQ;
            }
            return choose + lgA[k] + lgB[j] - lgAB[k + j] - lnBeta;
        }

        /** ln Γ(x + i) for i = 0..count−1, by Γ(x + 1) = x Γ(x). */
        private static double[] logGammas(double x, int count) {
            double[] out = new double[count];
            out[0] = logGamma(x);
            for (int i = 1; i < count; i++) {
                out[i] = out[i - 1] + Math.log(x + i - 1);
            }
            return out;
        }
    }

    private static double[] normalised(double[] partySizes) {
        if (partySizes.length < 2) {
            throw new IllegalArgumentException("no party sizes");
        }
        double total = 0;
        for (int k = 1; k < partySizes.length; k++) {
            if (partySizes[k] < 0) {
                throw new IllegalArgumentException("negative probability for parties of " + k);
            }
            total += partySizes[k];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("no party sizes");
        }
        double[] f = new double[partySizes.length];
        for (int k = 1; k < f.length; k++) {
            f[k] = partySizes[k] / total;
        }
        return f;
    }

    /** ln Γ(x), Lanczos (g = 7, n = 9): about 15 significant digits for x > 0. */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
                12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
