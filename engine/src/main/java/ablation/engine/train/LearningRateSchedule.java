package ablation.engine.train;

import ablation.core.config.TrainConfig;

/**
 * Linear warm-up from 0 to {@code lr} over {@code warmup} steps, then a cosine from {@code lr}
 * down to {@code min_lr} at the last step. A pure function of the step, so a resumed run picks up
 * the same curve.
 */
public record LearningRateSchedule(double peak, double min, long warmup, long steps) {
    public static LearningRateSchedule of(TrainConfig train, long steps) {
        return new LearningRateSchedule(train.lr(), train.minLr(), Math.min(train.warmup(), steps), steps);
    }

    /** The rate for optimizer step {@code step} (0-based). */
    public double at(long step) {
        if (step < warmup) return peak * (step + 1) / warmup;
        long decaySteps = steps - warmup;
        if (decaySteps <= 1) return peak;
        double progress = Math.min(1.0, (double) (step - warmup) / (decaySteps - 1));
        return min + 0.5 * (peak - min) * (1 + Math.cos(Math.PI * progress));
    }
}
