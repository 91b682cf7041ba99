package ablation.app.gui.lessons;

import org.jfree.chart.JFreeChart;

/**
 * One CodeGen2 lesson as measured in the current study.
 *
 * @param claim the paper's statement
 * @param measurement what the study measured, with its interval ({@code L2R pass@1 −0.011 [−0.03, 0.01]})
 * @param verdict {@code supports}, {@code contradicts} or {@code inconclusive}
 * @param rule the rule that produced the verdict, in words
 * @param chart the lesson's chart, or null
 */
public record LessonCard(int lesson, String claim, String measurement, String verdict, String rule, JFreeChart chart) {
}
