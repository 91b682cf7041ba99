/**
 * Lesson analysis: per arm, the aggregates over its finished seeds; per lesson, the comparisons
 * its claim rests on and a verdict in words with the rule that produced it. See
 * {@link ablation.reports.lessons.VerdictRules} for the rules.
 */
package ablation.reports.lessons;
