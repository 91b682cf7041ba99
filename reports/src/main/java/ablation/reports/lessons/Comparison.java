package ablation.reports.lessons;

import ablation.core.stats.Estimate;

/**
 * One difference a verdict rests on, e.g. "(prefix-LM - causal) L2R pass@1 on desk-l2r".
 *
 * @param difference treatment - reference with its 95% interval, or null when an arm has no data
 */
public record Comparison(String what, Estimate difference, Verdict verdict) {}
