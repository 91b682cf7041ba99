package ablation.reports.lessons;

import ablation.core.stats.Estimate;
import ablation.core.stats.IntervalKind;
import ablation.core.stats.IntervalSettings;
import java.util.function.DoubleFunction;

/**
 * One difference a verdict rests on, on the improvement scale (positive: the treatment is better),
 * e.g. "(prefix_lm - causal) L2R pass@1 at T=0.2 on desk-l2r@T0.2", or for bits per byte
 * "(nl - pl50-nl50) NL bits per byte" (the reduction the treatment brings).
 *
 * @param margin the negligible difference, or null for a claim that reads the sign alone
 * @param difference the difference with its interval at the nominal confidence, or null when not measured
 * @param atConfidence the same difference with its interval at another confidence (for Holm), or null
 */
public record Comparison(
        String what,
        Claim claim,
        Margin margin,
        Estimate difference,
        DoubleFunction<Estimate> atConfidence,
        Verdict verdict) {

    /** A comparison that could not be made: inconclusive, "not measured", never a pass. */
    public static Comparison notMeasured(String what, Claim claim, String why) {
        return new Comparison(what, claim, null, null, null, Verdict.noData(why));
    }

    /** The comparison judged at the settings' confidence; exploratory when its interval does not cover seeds. */
    public static Comparison of(
            String what, Claim claim, Margin margin, IntervalSettings settings, DoubleFunction<Estimate> atConfidence) {
        Estimate difference = atConfidence.apply(settings.confidence());
        String interval = difference.kind() == IntervalKind.NONE
                ? difference.kind().description()
                : settings.percent() + " " + difference.kind().description();
        String measured = what + " = " + difference.format(3) + " (" + interval + ", " + difference.seeds()
                + (difference.seeds() == 1 ? " seed" : " seeds") + ")";
        if (!difference.coversSeeds()) {
            String direction = difference.value() > 0
                    ? "points up"
                    : difference.value() < 0 ? "points down" : "shows no difference";
            return new Comparison(
                    what,
                    claim,
                    margin,
                    difference,
                    atConfidence,
                    new Verdict(
                            Outcome.EXPLORATORY, measured + " " + direction + "; fewer than 2 seeds, so no verdict"));
        }
        double m = margin == null ? 0 : margin.absolute();
        Outcome outcome = claim.judge(difference.low(), difference.high(), m);
        String rule = measured + " " + claim.reason(outcome, m, Estimate.number(m, 4))
                + (claim.usesMargin() && margin != null ? "; margin " + margin.text() : "");
        return new Comparison(what, claim, margin, difference, atConfidence, new Verdict(outcome, rule));
    }

    public boolean measured() {
        return difference != null;
    }

    /** The outcome with the interval at another confidence (a Holm step). */
    Outcome outcomeAt(double confidence) {
        Estimate e = atConfidence.apply(confidence);
        return claim.judge(e.low(), e.high(), margin == null ? 0 : margin.absolute());
    }
}
