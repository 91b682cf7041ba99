package ablation.reports.lessons;

/**
 * What one comparison claims about {@code treatment - reference}, judged on the improvement scale
 * (positive: the treatment is better; for bits per byte the difference's sign is flipped). The
 * margin {@code m} is the negligible difference (a fraction of the reference arm's value).
 */
public enum Claim {
    /** No gain of {@code m} or more: supports when the interval lies below +m, contradicts when above +m. */
    NO_GAIN("no gain of the margin or more"),
    /** A loss smaller than {@code m}: supports when the interval lies above -m, contradicts when below -m. */
    NON_INFERIOR("no loss of the margin or more"),
    /** A real gain: supports when the interval lies above 0, contradicts when below 0. */
    GAINS("a real gain"),
    /**
     * A real cost: supports when the interval lies below 0; contradicts when it lies above -m, a cost of
     * the margin or more being ruled out (a free lunch at this margin).
     */
    COSTS("a real cost");

    private final String words;

    Claim(String words) {
        this.words = words;
    }

    /** "no gain of the margin or more". */
    public String words() {
        return words;
    }

    /** Whether the claim reads a margin (the others read the sign alone). */
    public boolean usesMargin() {
        return this != GAINS;
    }

    /** The outcome for an improvement interval {@code [low, high]} and an absolute margin {@code m >= 0}. */
    public Outcome judge(double low, double high, double m) {
        return switch (this) {
            case NO_GAIN -> high < m ? Outcome.SUPPORTS : low > m ? Outcome.CONTRADICTS : Outcome.INCONCLUSIVE;
            case NON_INFERIOR -> low > -m ? Outcome.SUPPORTS : high < -m ? Outcome.CONTRADICTS : Outcome.INCONCLUSIVE;
            case GAINS -> low > 0 ? Outcome.SUPPORTS : high < 0 ? Outcome.CONTRADICTS : Outcome.INCONCLUSIVE;
            case COSTS -> high < 0 ? Outcome.SUPPORTS : low > -m ? Outcome.CONTRADICTS : Outcome.INCONCLUSIVE;
        };
    }

    /** Why the interval gave that outcome, e.g. "lies below +0.008". */
    public String reason(Outcome outcome, double m, String margin) {
        String plus = "+" + margin;
        String minus = "-" + margin;
        return switch (this) {
            case NO_GAIN ->
                switch (outcome) {
                    case SUPPORTS -> "lies below " + plus + ": a gain of the margin or more is ruled out";
                    case CONTRADICTS -> "lies above " + plus + ": a gain larger than the margin";
                    default -> "reaches " + plus;
                };
            case NON_INFERIOR ->
                switch (outcome) {
                    case SUPPORTS -> "lies above " + minus + ": a loss of the margin or more is ruled out";
                    case CONTRADICTS -> "lies below " + minus + ": a loss larger than the margin";
                    default -> "reaches " + minus;
                };
            case GAINS ->
                switch (outcome) {
                    case SUPPORTS -> "lies above 0: a real gain";
                    case CONTRADICTS -> "lies below 0: a real loss";
                    default -> "contains 0";
                };
            case COSTS ->
                switch (outcome) {
                    case SUPPORTS -> "lies below 0: a real cost";
                    case CONTRADICTS -> "lies above " + minus + ": a cost of the margin or more is ruled out";
                    default -> "contains 0 and reaches " + minus;
                };
        };
    }
}
