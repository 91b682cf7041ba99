package ablation.engine.eval.model;

import ablation.engine.eval.ScoredSample;
import ablation.engine.sampling.Completion;

/** A sample of an evaluation: its completion with the verdict, and why its generation ended. */
public record GeneratedSample(ScoredSample scored, Completion.Finish finish) {}
