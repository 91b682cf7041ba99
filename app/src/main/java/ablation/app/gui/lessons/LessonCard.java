package ablation.app.gui.lessons;

import org.jfree.chart.JFreeChart;

/**
 * One CodeGen2 lesson as measured in the current study.
 *
 * @param title the lesson in a few words ({@code Infill is not a free lunch})
 * @param claim the paper's statement
 * @param measurement what the study measured, with its interval ({@code (fim0.5 - clm) L2R pass@1: -0.011 [-0.030, 0.010]})
 * @param paper what the paper reports for the same comparison
 * @param verdict {@code supports}, {@code contradicts}, {@code inconclusive} or {@code exploratory (1 seed)}
 * @param rule the rule that produced the verdict, in words
 * @param chart the lesson's chart, or null
 */
public record LessonCard(
        int lesson,
        String title,
        String claim,
        String measurement,
        String paper,
        String verdict,
        String rule,
        JFreeChart chart) {}
