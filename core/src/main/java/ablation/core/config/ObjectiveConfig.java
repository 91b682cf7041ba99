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
public record ObjectiveConfig(
        double clm,
        double prefixLm,
        double spanCorruption,
        double fim,
        double fimRate,
        FimFormat fimFormat,
        double fimSpmShare,
        FimLevel fimLevel,
        boolean fileLevel,
        Prefix prefix,
        Span span) {
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
                throw new ConfigException(
                        "objective.prefix.min_fraction", minFraction, "must not exceed max_fraction " + maxFraction);
            }
        }
    }

    /**
     * Span corruption as CodeGen2 describes it: each sequence draws its mask ratio uniformly in
     * [ratio_min, ratio_max], each span its length uniformly in [length_min, length_max] tokens.
     *
     * @param ratioMin lowest share of a file's tokens moved into spans
     * @param ratioMax highest share; spans are never adjacent, so it stays below mean length / (mean length + 1)
     * @param lengthMin shortest span, in tokens
     * @param lengthMax longest span, in tokens
     * @param maxSpans spans per file at most: each needs its own {@code <mask_k>}
     * @param scoreContext score the corrupted file too, not only the spans after {@code <sep>}
     */
    public record Span(
            double ratioMin, double ratioMax, int lengthMin, int lengthMax, int maxSpans, boolean scoreContext) {
        public Span {
            if (!(ratioMin > 0 && ratioMin < 1)) {
                throw new ConfigException("objective.span.ratio_min", ratioMin, "must be strictly between 0 and 1");
            }
            if (!(ratioMax >= ratioMin && ratioMax < 1)) {
                throw new ConfigException(
                        "objective.span.ratio_max",
                        ratioMax,
                        "must be at least ratio_min " + ratioMin + " and below 1");
            }
            Check.positive("objective.span.length_min", lengthMin);
            if (lengthMax < lengthMin) {
                throw new ConfigException(
                        "objective.span.length_max", lengthMax, "must be at least length_min " + lengthMin);
            }
            Check.positive("objective.span.max_spans", maxSpans);
            double mean = (lengthMin + lengthMax) / 2.0;
            if (ratioMax > mean / (mean + 1)) {
                throw new ConfigException(
                        "objective.span.ratio_max",
                        ratioMax,
                        String.format(
                                "spans of mean length %s with a token between them cover at most %.3f of a text",
                                mean, mean / (mean + 1)));
            }
        }

        /** Mean span length in tokens. */
        public double meanLength() {
            return (lengthMin + lengthMax) / 2.0;
        }

        /**
         * Checks that the spans fit sequences of {@code context} tokens: the longest span with its
         * sentinels, the lowest ratio at least one shortest span, the highest ratio within max_spans.
         */
        public void checkFits(int context) {
            if (lengthMax + 5 > context + 1) {
                throw new ConfigException(
                        "objective.span.length_max",
                        lengthMax,
                        "does not fit model.context "
                                + context + ": a span needs length_max + 5 tokens (<mask_k> twice, <eom>, <|endoftext|>"
                                + " and <sep>)");
            }
            if (ratioMin * context < lengthMin) {
                throw new ConfigException(
                        "objective.span.ratio_min",
                        ratioMin,
                        "corrupts fewer than length_min " + lengthMin + " tokens of a " + context + "-token sequence");
            }
            double spansNeeded = ratioMax * context / meanLength();
            if (spansNeeded > maxSpans) {
                throw new ConfigException(
                        "objective.span.max_spans",
                        maxSpans,
                        String.format(
                                "a %d-token file at ratio_max %s needs about %.0f spans of mean length %s;"
                                        + " raise max_spans (and tokenizer.mask_tokens) or lower ratio_max",
                                context, ratioMax, Math.ceil(spansNeeded), meanLength()));
            }
        }
    }
}
