package ablation.core.stats;

/**
 * Quantiles of Student's t distribution, for intervals of seed means and their differences. The CDF comes from the
 * regularized incomplete beta function (continued fraction, Numerical Recipes §6.4); the quantile
 * by Newton's method kept inside a bisection bracket. Degrees of freedom may be fractional (Welch).
 */
public final class StudentT {
    private StudentT() {}

    /** The t value with {@code p} of the distribution below it, for {@code df} degrees of freedom. */
    public static double quantile(double p, double df) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("quantile p = " + p + " must be in (0, 1)");
        if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom = " + df + " must be positive");
        if (p < 0.5) return -quantile(1 - p, df);
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) high *= 2;
        double t = (low + high) / 2;
        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
            double error = cdf(t, df) - p;
            if (error == 0) return t;
            if (error < 0) low = t;
            else high = t;
            double newton = t - error / density(t, df);
            t = newton > low && newton < high ? newton : (low + high) / 2;
            if (Math.abs(error) < 1e-15) break;
        }
        return t;
    }

    /** The density at {@code t}. */
    static double density(double t, double df) {
        return Math.exp(logGamma((df + 1) / 2)
                - logGamma(df / 2)
                - 0.5 * Math.log(df * Math.PI)
                - (df + 1) / 2 * Math.log1p(t * t / df));
    }

    /** P(T <= t). */
    public static double cdf(double t, double df) {
        double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The regularized incomplete beta function I_x(a, b). */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) return front * continuedFraction(x, a, b) / a;
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) break;
        }
        return h;
    }

    private static double nonZero(double v, double tiny) {
        return Math.abs(v) < tiny ? tiny : v;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for positive arguments. */
    static double logGamma(double x) {
        final double[] c = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        x -= 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) sum += c[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
