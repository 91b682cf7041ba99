package ablation.engine.eval;

import ablation.engine.eval.sandbox.ExecResult;

/** A sample with the verdict on its program, one line of the {@code _results.jsonl} file. */
public record ScoredSample(Sample sample, ExecResult result) {}
