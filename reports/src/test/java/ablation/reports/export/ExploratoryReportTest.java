package ablation.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ablation.reports.StudyFixture;
import ablation.reports.export.Block.Table;
import ablation.reports.model.Arm;
import ablation.reports.model.LessonDesign;
import ablation.reports.model.StudyResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-seed study (the quick study's shape) gives no supports or contradicts, only direction and intervals. */
class ExploratoryReportTest {
    /** The fixture study with each arm cut to its first seed. */
    private static StudyResults oneSeed() {
        StudyResults two = StudyFixture.study();
        List<LessonDesign> designs = two.lessons().stream()
                .map(d -> new LessonDesign(
                        d.lesson(),
                        d.variedField(),
                        d.arms().stream()
                                .map(a -> new Arm(
                                        a.label(), a.role(), a.level(), a.runs().subList(0, 1)))
                                .toList(),
                        d.margin()))
                .toList();
        return new StudyResults(two.name(), two.description(), two.baseConfig(), two.runs(), designs);
    }

    @Test
    void everyVerdictOfAOneSeedStudyIsExploratoryOrNotMeasured() {
        ReportContent report = ReportBuilder.build(oneSeed());
        Table verdicts = report.blocks(Table.class).stream()
                .filter(t -> t.caption().equals("Verdicts"))
                .findFirst()
                .orElseThrow();
        int exploratory = 0;
        for (List<String> row : verdicts.rows()) {
            String verdict = row.get(2);
            assertFalse(verdict.equals("supports") || verdict.equals("contradicts"), row.toString());
            if (verdict.equals("exploratory (1 seed)")) {
                exploratory++;
                assertTrue(
                        row.get(3).contains("points") && row.get(3).contains("bootstrap over problems (1 seed)"),
                        row.get(3));
            }
        }
        assertTrue(exploratory >= 4, "lessons with data are exploratory: " + verdicts.rows());
        assertEquals(5, verdicts.rows().size());
    }

    @Test
    void theTwoSeedStudyDecides() {
        Table verdicts = ReportBuilder.build(StudyFixture.study()).blocks(Table.class).stream()
                .filter(t -> t.caption().equals("Verdicts"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                verdicts.rows().stream().noneMatch(r -> r.get(2).startsWith("exploratory")),
                verdicts.rows().toString());
    }
}
