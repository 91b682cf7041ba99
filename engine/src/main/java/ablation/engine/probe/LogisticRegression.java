package ablation.engine.probe;

import java.util.Arrays;

/**
 * Binary logistic regression with an L2 penalty, fitted by full-batch gradient descent on
 * standardised features (each feature centred and scaled by the training set's mean and standard
 * deviation, so one learning rate suits all). Deterministic: weights start at zero.
 */
final class LogisticRegression {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticRegression(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param x examples by features
     * @param y labels 0 or 1
     * @param l2 penalty on the weights (not the bias)
     */
    static LogisticRegression fit(double[][] x, int[] y, double l2, int iterations, double learningRate) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) for (int j = 0; j < d; j++) mean[j] += row[j] / n;
        for (double[] row : x) for (int j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        for (int j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) + 1e-8;
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) z[i][j] = (x[i][j] - mean[j]) / scale[j];

        double[] w = new double[d];
        double b = 0;
        double[] gradient = new double[d];
        for (int step = 0; step < iterations; step++) {
            Arrays.fill(gradient, 0);
            double gradientBias = 0;
            for (int i = 0; i < n; i++) {
                double error = sigmoid(dot(w, z[i]) + b) - y[i];
                for (int j = 0; j < d; j++) gradient[j] += error * z[i][j] / n;
                gradientBias += error / n;
            }
            for (int j = 0; j < d; j++) w[j] -= learningRate * (gradient[j] + l2 * w[j]);
            b -= learningRate * gradientBias;
        }
        return new LogisticRegression(mean, scale, w, b);
    }

    /** P(y = 1 | x). */
    double probability(double[] x) {
        double s = bias;
        for (int j = 0; j < weights.length; j++) s += weights[j] * (x[j] - mean[j]) / scale[j];
        return sigmoid(s);
    }

    int predict(double[] x) {
        return probability(x) >= 0.5 ? 1 : 0;
    }

    /** Share of examples predicted right. */
    double accuracy(double[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) if (predict(x[i]) == y[i]) right++;
        return (double) right / x.length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += a[j] * b[j];
        return s;
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }
}
