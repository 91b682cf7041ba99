package ablation.core.config;

import java.util.List;

/** Everything one training run needs; stored whole with the run and in every checkpoint. */
public record RunConfig(
        String name,
        ModelConfig model,
        TokenizerConfig tokenizer,
        DataConfig data,
        ObjectiveConfig objective,
        TrainConfig train,
        List<EvalConfig> eval) {
    public RunConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._=,+-]*")) {
            throw new ConfigException("name", name, "must be non-empty and use letters, digits and . _ = , + -");
        }
        Check.present("model", model);
        Check.present("tokenizer", tokenizer);
        Check.present("data", data);
        Check.present("objective", objective);
        Check.present("train", train);
        long sequenceTokens = (long) train.batch() * model.context();
        if (train.tokens() < sequenceTokens) {
            throw new ConfigException(
                    "train.tokens",
                    train.tokens(),
                    "is less than one optimizer step: train.batch " + train.batch() + " x model.context "
                            + model.context() + " = " + sequenceTokens + " tokens");
        }
        eval = eval == null ? List.of() : List.copyOf(eval);
        if (objective.spanCorruption() > 0
                && tokenizer.train() != null
                && objective.span().maxSpans() > tokenizer.maskTokens()) {
            throw new ConfigException(
                    "objective.span.max_spans",
                    objective.span().maxSpans(),
                    "exceeds tokenizer.mask_tokens " + tokenizer.maskTokens()
                            + " (each span of a sequence needs its own <mask_k>)");
        }
        if (objective.spanCorruption() > 0) objective.span().checkFits(model.context());
        if (objective.prefixLm() > 0 && !model.isPrefixLm()) {
            throw new ConfigException(
                    "objective.prefix_lm",
                    objective.prefixLm(),
                    "needs model.arch: prefix_lm (the causal architecture cannot attend to a prefix bidirectionally)");
        }
    }
}
