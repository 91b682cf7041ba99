package ablation.engine.probe;

/**
 * The understanding probe's outcome.
 *
 * @param accuracy share of held-out test functions classified right (original or mutant); 0.5 is chance
 * @param trainAccuracy the same on the functions the classifier was fitted on
 * @param trainExamples functions fitted on (both copies of each training pair)
 * @param testExamples functions tested on
 */
public record ProbeResult(double accuracy, double trainAccuracy, int trainExamples, int testExamples) {}
