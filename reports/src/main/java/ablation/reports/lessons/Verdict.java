package ablation.reports.lessons;

/**
 * A verdict on a claim and the rule that produced it, in words: the rule, the margin, the seeds and
 * the interval, e.g. outcome {@code SUPPORTS} with rule "(fim=0.5 - fim=0) L2R pass@1 at T=0.2 =
 * -0.030 [-0.050, -0.010] (95% t interval over seed means, 3 seeds) lies below 0: a real cost".
 */
public record Verdict(Outcome outcome, String rule) {
    public Verdict {
        if (outcome == null || rule == null)
            throw new IllegalArgumentException("a verdict needs an outcome and its rule");
    }

    /** An inconclusive verdict because a comparison lacks data. */
    public static Verdict noData(String why) {
        return new Verdict(Outcome.INCONCLUSIVE, "not measured: " + why);
    }

    /** "supports: the 95% interval ...". */
    public String text() {
        return outcome.word() + ": " + rule;
    }
}
