package ablation.app.gui.store;

import ablation.app.gui.lessons.LessonCard;
import ablation.app.gui.lessons.LessonSource;
import ablation.reports.export.Block;
import ablation.reports.export.Format;
import ablation.reports.export.ReportBuilder;
import ablation.reports.export.ReportContent;
import ablation.reports.export.ReportWriter;
import ablation.reports.export.Section;
import ablation.reports.lessons.Comparison;
import ablation.reports.lessons.LessonAnalysis;
import ablation.reports.lessons.LessonAnalyzer;
import ablation.reports.model.Lesson;
import ablation.reports.model.StudyResults;
import ablation.reports.source.StudyResultsLoader;
import ablation.storage.TrackingStore;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * The lessons view over the tracking store: the study's results as the report sees them, each
 * lesson's verdict from the reports module's analysis, and the chart the report draws for it.
 */
public final class StoreLessons implements LessonSource {
    private static final int DECIMALS = 3;

    private final TrackingStore store;

    public StoreLessons(TrackingStore store) {
        this.store = store;
    }

    @Override
    public List<LessonCard> lessons(String study) {
        if (store.studies().byName(study).isEmpty()) return List.of();
        StudyResults results = StudyResultsLoader.load(store, study);
        ReportContent report = ReportBuilder.build(results);
        return LessonAnalyzer.analyze(results).stream()
                .map(analysis -> card(analysis, report))
                .toList();
    }

    @Override
    public List<Path> export(String study, Path directory, Set<Format> formats) {
        return ReportWriter.write(StudyResultsLoader.load(store, study), directory, formats);
    }

    private static LessonCard card(LessonAnalysis analysis, ReportContent report) {
        Lesson lesson = analysis.design().lesson();
        String measurement =
                analysis.comparisons().stream().map(StoreLessons::describe).collect(Collectors.joining("; "));
        return new LessonCard(
                lesson.number(),
                lesson.title(),
                lesson.claim(),
                measurement.isEmpty() ? "nothing measured yet" : measurement,
                lesson.paperFigure(),
                analysis.verdict().outcome().word(),
                analysis.verdict().rule(),
                chart(report, lesson));
    }

    private static String describe(Comparison comparison) {
        return comparison.what() + ": "
                + (comparison.difference() == null
                        ? "n/a"
                        : comparison.difference().format(DECIMALS));
    }

    /**
     * The report's figure for the lesson: the one particular to it (the infill frontier, the
     * mixture, the epochs), else its pass@k curves, else its loss curves.
     */
    private static JFreeChart chart(ReportContent report, Lesson lesson) {
        String prefix = "lesson" + lesson.number();
        return report.sections().stream()
                .filter(s -> s.id().equals(prefix))
                .map(Section::blocks)
                .flatMap(List::stream)
                .filter(Block.Figure.class::isInstance)
                .map(Block.Figure.class::cast)
                .min(Comparator.comparingInt(
                        f -> f.id().equals(prefix + "-loss") ? 2 : f.id().equals(prefix + "-passk") ? 1 : 0))
                .map(Block.Figure::chart)
                .orElse(null);
    }
}
