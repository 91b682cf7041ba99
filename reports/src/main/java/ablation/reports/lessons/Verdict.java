package ablation.reports.lessons;

/**
 * A verdict on a claim and the rule that produced it, e.g. outcome {@code INCONCLUSIVE} with rule
 * "the 95% interval of (clm+fim - clm) L2R pass@1 on desk-l2r, [-0.020, 0.050], contains 0".
 */
public record Verdict(Outcome outcome, String rule) {
    public Verdict {
        if (outcome == null || rule == null) throw new IllegalArgumentException("a verdict needs an outcome and its rule");
    }

    /** An inconclusive verdict because a comparison lacks data. */
    public static Verdict noData(String why) {
        return new Verdict(Outcome.INCONCLUSIVE, "no data: " + why);
    }

    /** "supports: the 95% interval ...". */
    public String text() {
        return outcome.word() + ": " + rule;
    }
}
