package ablation.app.gui.composer;

import ablation.core.config.ObjectiveKind;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The composer's rule for the objective sliders: the weights always sum to 1, so moving one
 * rescales the others in proportion to their current weights. When the others are all zero the
 * remainder is shared equally by those the user may use (prefix-LM only on the prefix-LM
 * architecture). Weights are rounded to 1e-4 so saved studies read well; the rounding residue goes
 * to the largest of the others, keeping the sum exact. Weights are indexed by
 * {@link ObjectiveKind#ordinal()}.
 */
public final class ObjectiveMix {
    private static final double SCALE = 1e4;

    private ObjectiveMix() {}

    /**
     * @param weights current weights in {@link ObjectiveKind} order (summing to 1)
     * @param moved the objective whose weight the user set
     * @param value its new value, clamped to [0, 1]
     * @param usable which weights may take a share when the others are all zero
     * @return new weights summing to 1, the moved weight set to {@code value} (rounded)
     */
    public static double[] move(double[] weights, ObjectiveKind movedKind, double value, boolean[] usable) {
        int moved = movedKind.ordinal();
        double target = round(Math.max(0, Math.min(1, value)));
        double[] next = new double[weights.length];
        next[moved] = target;
        double rest = 1 - target;
        double others = 0;
        for (int i = 0; i < weights.length; i++) if (i != moved) others += Math.max(0, weights[i]);
        if (others > 0) {
            for (int i = 0; i < weights.length; i++)
                if (i != moved) next[i] = round(Math.max(0, weights[i]) * rest / others);
        } else {
            int[] sharing = IntStream.range(0, weights.length)
                    .filter(i -> i != moved && usable[i])
                    .toArray();
            if (sharing.length == 0) {
                next[moved] = 1;
                return next;
            }
            for (int i : sharing) next[i] = round(rest / sharing.length);
        }
        settle(next, moved);
        return next;
    }

    /** Puts the rounding residue on the largest weight other than {@code moved}. */
    private static void settle(double[] weights, int moved) {
        double residue = 1 - Arrays.stream(weights).sum();
        if (Math.abs(residue) < 1e-12) return;
        int largest = -1;
        for (int i = 0; i < weights.length; i++) {
            if (i != moved && (largest < 0 || weights[i] > weights[largest])) largest = i;
        }
        weights[largest] = round(weights[largest] + residue);
    }

    static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }

    public static double sum(double[] weights) {
        return Arrays.stream(weights).sum();
    }
}
