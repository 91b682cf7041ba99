package ablation.app.gui.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.app.gui.compare.CompareRun;
import ablation.app.gui.compare.Comparison;
import ablation.app.gui.compare.RunGroup;
import ablation.app.gui.lessons.LessonCard;
import ablation.core.config.EvalMode;
import ablation.reports.export.Block;
import ablation.reports.export.ReportBuilder;
import ablation.reports.export.ReportContent;
import ablation.reports.lessons.ArmSummary;
import ablation.reports.lessons.LessonAnalysis;
import ablation.reports.lessons.LessonAnalyzer;
import ablation.reports.model.Arm;
import ablation.reports.model.StudyResults;
import ablation.reports.source.RunOverview;
import ablation.reports.source.RunOverviews;
import ablation.reports.source.StudyResultsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One analysis path: on the fixture study, the compare view's table, the lessons view's cards,
 * {@code runs list} / {@code runs compare} (their {@link RunOverview}s) and the exported report show
 * the same numbers for the same arms, because they come from the same code with the same settings.
 */
class OneAnalysisPathTest {
    @TempDir
    static Path dir;

    private static StoreFixture fixture;
    private static StudyResults results;
    private static LessonAnalysis lesson;

    @BeforeAll
    static void fill() throws Exception {
        fixture = new StoreFixture(dir.resolve("studies"));
        results = StudyResultsLoader.load(fixture.store, StoreFixture.STUDY);
        lesson = LessonAnalyzer.analyze(results).get(0);
    }

    @AfterAll
    static void closeStore() {
        fixture.close();
    }

    /** The compare view's arms formed like the report's: one per lesson arm, its seeds pooled. */
    private static List<RunGroup> reportArms(List<CompareRun> runs) {
        return lesson.arms().stream()
                .map(arm -> new RunGroup(
                        arm.label(),
                        runs.stream()
                                .filter(r -> arm.arm().runs().contains(r.name()))
                                .toList()))
                .toList();
    }

    @Test
    void compareTableShowsTheReportsArmNumbers() {
        StoreComparison compare = new StoreComparison(fixture.store);
        Comparison table = compare.compare(reportArms(compare.runs(StoreFixture.STUDY)));
        assertEquals(
                List.of("Arm", "Finished", "Final loss", "desk-l2r l2r pass@1", "desk-l2r l2r pass@10"),
                table.header());
        ReportContent report = ReportBuilder.build(results);
        String reportText = text(report);
        for (int a = 0; a < lesson.arms().size(); a++) {
            ArmSummary arm = lesson.arms().get(a);
            List<String> row = table.rows().get(a);
            assertEquals(arm.label(), row.get(0));
            assertEquals(arm.finalLoss().format(3), row.get(2), "final loss of " + arm.label());
            assertEquals(arm.passAtK("desk-l2r", EvalMode.L2R, 1).format(3), row.get(3), "pass@1 of " + arm.label());
            assertEquals(arm.passAtK("desk-l2r", EvalMode.L2R, 10).format(3), row.get(4), "pass@10 of " + arm.label());
            assertTrue(reportText.contains(row.get(3)), "the report prints " + row.get(3) + " for " + arm.label());
        }
        List<String> baseline = table.rows().get(0);
        assertTrue(baseline.get(3).startsWith("0.867 ["), "the baseline's seeds differ (0.9, 0.9, 0.8): " + baseline);
        assertTrue(!baseline.get(3).endsWith("[0.867, 0.867]"), "a real interval over seeds: " + baseline);
    }

    @Test
    void lessonCardsQuoteTheReportsComparisonAndVerdict() {
        List<LessonCard> cards = new StoreLessons(fixture.store).lessons(StoreFixture.STUDY);
        assertEquals(1, cards.size());
        LessonCard card = cards.get(0);
        String measured = lesson.comparisons().stream()
                .map(c -> c.what() + ": "
                        + (c.difference() == null ? "n/a" : c.difference().format(3)))
                .collect(Collectors.joining("; "));
        assertEquals(measured, card.measurement());
        assertEquals(lesson.verdict().outcome().word(), card.verdict());
        assertEquals(lesson.verdict().rule(), card.rule());
    }

    @Test
    void runsListShowsWhatAOneRunArmShows() {
        for (ArmSummary arm : lesson.arms()) {
            String runName = arm.finished().get(0).name();
            long id = fixture.run(runName).id();
            RunOverview overview = RunOverviews.of(fixture.store, id);
            RunOverview.PassAtK pass1 = overview.passAtK().stream()
                    .filter(p -> p.k() == 1)
                    .findFirst()
                    .orElseThrow();
            Arm single = new Arm(runName, arm.arm().role(), Double.NaN, List.of(runName));
            ArmSummary alone = new ArmSummary(single, List.of(arm.finished().get(0)), List.of());
            assertEquals(alone.passAtK("desk-l2r", EvalMode.L2R, 1), pass1.estimate(), "run " + runName);
        }
    }

    private static String text(ReportContent report) {
        return report.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .map(OneAnalysisPathTest::text)
                .collect(Collectors.joining("\n"));
    }

    private static String text(Block block) {
        if (block instanceof Block.Table t) {
            return t.rows().stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
        }
        return block.toString();
    }
}
