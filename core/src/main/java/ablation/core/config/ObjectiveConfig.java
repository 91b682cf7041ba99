package ablation.core.config;

/**
 * The objective mixture: each packed sequence draws one objective with these probabilities
 * ({@code clm + prefix_lm + span_corruption + fim = 1}); {@code {clm: 0.5, span_corruption: 0.5}}
 * is the CodeGen2 recipe.
 *
 * @param fimRate fraction of the documents of a FIM sequence that are transformed
 * @param fimFormat {@code codegen2} (mask sentinels) or {@code psm_spm} (Bavarian et al.)
 * @param fimSpmShare share of SPM among {@code psm_spm} transforms
 * @param fimLevel {@code document} (split inside each document) or {@code context} (inside the packed sequence)
 * @param fileLevel span corruption keeps every span inside one document
 */
public record ObjectiveConfig(double clm, double prefixLm, double spanCorruption, double fim,
                              double fimRate, FimFormat fimFormat, double fimSpmShare, FimLevel fimLevel,
                              boolean fileLevel, Prefix prefix, Span span) {
    public ObjectiveConfig {
        Check.fraction("objective.clm", clm);
        Check.fraction("objective.prefix_lm", prefixLm);
        Check.fraction("objective.span_corruption", spanCorruption);
        Check.fraction("objective.fim", fim);
        double sum = clm + prefixLm + spanCorruption + fim;
        if (Math.abs(sum - 1) > 1e-6) {
            throw new ConfigException("objective", sum, "clm + prefix_lm + span_corruption + fim must sum to 1");
        }
        Check.fraction("objective.fim_rate", fimRate);
        Check.present("objective.fim_format", fimFormat);
        Check.fraction("objective.fim_spm_share", fimSpmShare);
        Check.present("objective.fim_level", fimLevel);
        Check.present("objective.prefix", prefix);
        Check.present("objective.span", span);
    }

    /** The probability of {@code kind}: one of {@code clm}, {@code prefix_lm}, {@code span_corruption}, {@code fim}. */
    public double weight(ObjectiveKind kind) {
        return switch (kind) {
            case CLM -> clm;
            case PREFIX_LM -> prefixLm;
            case SPAN_CORRUPTION -> spanCorruption;
            case FIM -> fim;
        };
    }

    /** Prefix-LM split point, drawn uniformly in [min_fraction, max_fraction] of the sequence. */
    public record Prefix(double minFraction, double maxFraction) {
        public Prefix {
            Check.fraction("objective.prefix.min_fraction", minFraction);
            Check.fraction("objective.prefix.max_fraction", maxFraction);
            if (minFraction > maxFraction) {
                throw new ConfigException("objective.prefix.min_fraction", minFraction, "must not exceed max_fraction " + maxFraction);
            }
        }
    }

    /** Span corruption: fraction of tokens corrupted, mean span length in tokens, at most this many spans. */
    public record Span(double rate, double meanLength, int maxSpans) {
        public Span {
            if (!(rate > 0 && rate < 1)) throw new ConfigException("objective.span.rate", rate, "must be strictly between 0 and 1");
            Check.positive("objective.span.mean_length", meanLength);
            Check.positive("objective.span.max_spans", maxSpans);
        }
    }
}
